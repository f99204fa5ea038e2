package io.miningos.gateway.bootstrap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of {@link ArchitectureRules} fails on {@code archfixture}, a class set that breaks it on purpose: a
 * rule that could not fail would check nothing.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "io.miningos.gateway.bootstrap.archfixture";
    private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE);

    private static JavaClasses fixture;

    @BeforeAll
    static void importTheFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    private static void assertViolatedBy(ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(fixture);
        assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(offender), "the report names " + offender + ": " + report);
    }

    @Test
    void anInPortNamingAnOutPortAndTheReverseAreCaught() {
        assertViolatedBy(RULES.inPortsIndependentOfOutPorts(), FIXTURE + ".application.widgets.port.in.WidgetUseCase");
        assertViolatedBy(RULES.outPortsIndependentOfInPorts(), FIXTURE + ".application.widgets.port.out.WidgetStore");
    }

    @Test
    void aPortNamingAServiceIsCaught() {
        assertViolatedBy(RULES.portsIndependentOfServices(), FIXTURE + ".application.widgets.port.in.WidgetView");
    }

    @Test
    void anAdapterNamingAServiceIsCaught() {
        assertViolatedBy(RULES.adaptersUseOnlyPorts(), FIXTURE + ".adapters.http.WidgetRoutes");
    }

    @Test
    void packageCyclesAreCaughtInEachModule() {
        assertViolatedBy(RULES.freeOfPackageCycles(RULES.domain), "domain.parts");
        assertViolatedBy(RULES.freeOfPackageCycles(RULES.application), "application.widgets.port.in");
        assertFalse(RULES.freeOfPackageCycles(RULES.http).evaluate(fixture).hasViolation(),
                "a module without a cycle passes");
    }

    @Test
    void aModuleNamingATransportPluginIsCaught() {
        assertEquals(Set.of(FIXTURE + ".adapters.ork.sim"), RULES.transportPlugins(fixture));
        assertViolatedBy(RULES.onlyThePluginSeesItself(FIXTURE + ".adapters.ork.sim"),
                FIXTURE + ".adapters.ork.cluster.Cluster");
    }

    @Test
    void aPluginNamingTheDomainBeyondTheOrkCatalogueIsCaught() {
        assertViolatedBy(RULES.pluginUsesOnlyTheOrkCatalogueOfTheGateway(FIXTURE + ".adapters.ork.sim"),
                FIXTURE + ".domain.parts.Part");
        String report = RULES.pluginUsesOnlyTheOrkCatalogueOfTheGateway(FIXTURE + ".adapters.ork.sim")
                .evaluate(fixture).getFailureReport().toString();
        assertFalse(report.contains(FIXTURE + ".domain.ork.Method>"), "the catalogue is allowed: " + report);
    }

    @Test
    void anSpiNamingMoreThanTheJdkIsCaught() {
        assertViolatedBy(RULES.spiDependsOnlyOnTheJdk(), FIXTURE + ".adapters.ork.spi.Transport");
    }
}
