package io.miningos.gateway.bootstrap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency rules of the design, checked on the production classes of every module. Maven's module graph
 * already keeps the coarse direction (domain ← application ← adapters ← bootstrap); these rules check what it
 * can't: the packages inside modules ({@link ArchitectureRules}). Each rule first asserts that the packages it
 * names hold classes, so a misspelt package can't make it pass vacuously, and {@code ArchitectureRulesTest} shows
 * that each rule does fail on a class set that breaks it.
 */
class ArchitectureTest {

    private static final String BASE = "io.miningos.gateway";
    private static final ArchitectureRules RULES = new ArchitectureRules(BASE);

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        long started = System.nanoTime();
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the modules' test-jars (shared test fixtures) are on this class path too; they are not production
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(BASE);
        // Not an assertion (the machine is shared and noisy): the import's cost, for whoever wonders.
        System.out.printf("ArchUnit import: %d classes in %d ms%n", classes.size(),
                (System.nanoTime() - started) / 1_000_000);
        for (String layer : List.of(RULES.query, RULES.domain, RULES.domainOrk, RULES.application, RULES.portIn,
                RULES.portOut, RULES.http, RULES.persistence, RULES.orkSpi, RULES.orkCluster, RULES.bootstrap)) {
            assertHoldsClasses(layer);
        }
        assertTrue(RULES.transportPlugins(classes).contains(RULES.ork.replace("..", ".sim")),
                "the sim plugin is among the transport plugins the rules check: " + RULES.transportPlugins(classes));
    }

    private static void assertHoldsClasses(String packagePattern) {
        assertFalse(classes.that(JavaClass.Predicates.resideInAPackage(packagePattern)).isEmpty(),
                "no production classes found in " + packagePattern + "; the rules over it would check nothing");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void theQueryEngineIsAPlainJavaLibrary() {
        check(RULES.queryIsPlainJava());
    }

    @Test
    void domainIsPureJava() {
        check(RULES.domainIsPureJava());
    }

    @Test
    void applicationDependsOnlyOnTheDomainTheQueryEngineAndSmallLibraries() {
        check(RULES.applicationUsesNoFramework());
    }

    @Test
    void inPortsAndOutPortsNeverDependOnEachOther() {
        check(RULES.inPortsIndependentOfOutPorts());
        check(RULES.outPortsIndependentOfInPorts());
    }

    @Test
    void portsNeverDependOnServices() {
        check(RULES.portsIndependentOfServices());
    }

    @Test
    void adaptersReachTheApplicationOnlyThroughItsPorts() {
        check(RULES.adaptersUseOnlyPorts());
    }

    @Test
    void adaptersNeverDependOnEachOtherNorOnTheWiring() {
        RULES.adaptersIndependent().forEach(ArchitectureTest::check);
    }

    @Test
    void noModuleHasPackageCycles() {
        for (String module : List.of(RULES.query, RULES.domain, RULES.application, RULES.http, RULES.persistence,
                RULES.ork, RULES.bootstrap)) {
            check(RULES.freeOfPackageCycles(module));
        }
        for (String module : List.of(RULES.domain, RULES.application, RULES.ork)) {
            Set<String> packages = classes.that(JavaClass.Predicates.resideInAPackage(module)).stream()
                    .map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(packages.size() > 1, module + " has several packages, so cycles among them are checked: "
                    + packages);
        }
    }

    @Test
    void noClassOutsideATransportPluginDependsOnIt() {
        for (String plugin : RULES.transportPlugins(classes)) {
            check(RULES.onlyThePluginSeesItself(plugin));
        }
    }

    @Test
    void aTransportPluginUsesOfTheGatewayOnlyTheSpiAndTheOrkMethodCatalogue() {
        for (String plugin : RULES.transportPlugins(classes)) {
            check(RULES.pluginUsesOnlyTheOrkCatalogueOfTheGateway(plugin));
        }
    }

    @Test
    void theTransportSpiDependsOnTheJdkOnly() {
        check(RULES.spiDependsOnlyOnTheJdk());
    }

    @Test
    void onlyTheWiringSeesEveryModule() {
        check(RULES.onlyTheWiringSeesTheWiring());
    }
}
