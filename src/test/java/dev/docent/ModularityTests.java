package dev.docent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(DocentApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    /**
     * Verification alone passes a declaration that allows more than is used: each must
     * say what its module uses.
     */
    @Test
    void declaredDependenciesAreTheUsedOnes() {
        Map<String, List<String>> declared = new TreeMap<>();
        Map<String, List<String>> used = new TreeMap<>();
        modules.forEach(module -> {
            ApplicationModule declaration = DocentApplication.class.getClassLoader()
                .getDefinedPackage(module.getBasePackage().getName())
                .getAnnotation(ApplicationModule.class);
            assertThat(declaration).as("@ApplicationModule of %s", module.getIdentifier()).isNotNull();
            if (declaration.type() != ApplicationModule.Type.OPEN) {
                String name = module.getIdentifier().toString();
                declared.put(name, Arrays.stream(declaration.allowedDependencies()).sorted().toList());
                used.put(name,
                        module.getDirectDependencies(modules)
                            .uniqueModules()
                            .map(dependency -> dependency.getIdentifier().toString())
                            .sorted()
                            .toList());
            }
        });
        assertThat(declared).as("allowedDependencies in each package-info.java").isEqualTo(used);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }

}
