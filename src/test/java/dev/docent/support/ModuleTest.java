package dev.docent.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Only the test's own module, with {@code shared}, on a random port against real
 * PostgreSQL and Redis: for a module's API that needs no other module. Spring Modulith
 * leaves the other modules' beans out (and fails the start if the module reaches for
 * one); what spans modules is a {@link DocentTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, extraIncludes = "shared")
@ContextConfiguration(initializers = ServicesInitializer.class)
// the readiness group names the knowledge module's search index, which a module test
// leaves out
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
public @interface ModuleTest {

}
