package io.miningos.gateway.bootstrap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a build with the hrpc plugin, {@link ArchitectureTest}'s plugin rule covers it too: no class outside
 * {@code adapters.ork.hrpc} names it (bootstrap packs it, never compiles against it).
 */
class HrpcArchitectureTest {

    @Test
    void theHrpcPluginIsReachedOnlyThroughTheSpi() {
        ArchitectureRules rules = new ArchitectureRules("io.miningos.gateway");
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.miningos.gateway");
        String hrpc = "io.miningos.gateway.adapters.ork.hrpc";

        assertTrue(rules.transportPlugins(classes).contains(hrpc), "hrpc is among the plugins checked: "
                + rules.transportPlugins(classes));
        rules.onlyThePluginSeesItself(hrpc).check(classes);
    }
}
