package dev.docent.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring context at its own PostgreSQL database, the test Redis and a temporary
 * data dir.
 */
public class ServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dataDir = Files.createTempDirectory("docent-test");
            TestPropertyValues
                .of("docent.db.url=" + TestServices.freshDatabaseUrl(), "docent.db.user=postgres",
                        "spring.datasource.hikari.maximum-pool-size=8",
                        // a cached test context keeps one idle connection, so dozens of
                        // them fit PostgreSQL's 100
                        "spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000",
                        "docent.redis.url=" + redisUrl(), "docent.data-dir=" + dataDir,
                        "docent.knowledge.sample-docs=false",
                        "docent.jwt.secret=test-secret-test-secret-test-secret-0123456789")
                .applyTo(context);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected String redisUrl() {
        return TestServices.redisUrl();
    }

}
