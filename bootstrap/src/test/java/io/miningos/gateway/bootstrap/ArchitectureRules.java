package io.miningos.gateway.bootstrap;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.Slice;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The design's rules over the packages under one base package: the gateway's ({@code io.miningos.gateway}) in
 * {@link ArchitectureTest}, a deliberately bad fixture's in {@code ArchitectureRulesTest}, which shows each rule
 * can fail.
 *
 * <p>Terms: a <em>port</em> is a class in an application package named {@code port} ({@code <cap>.port} holds
 * types both sides of a capability share, {@code <cap>.port.in} its use cases with their commands, queries and
 * results, {@code <cap>.port.out} what it needs from outside). A <em>service</em> is an application class outside
 * the port packages that implements an in-port, or whose name ends with {@code Service}. A <em>transport
 * plugin</em> is any package directly under {@code adapters.ork} other than {@code spi} and {@code cluster}.
 */
final class ArchitectureRules {

    private static final String[] FRAMEWORKS = {"io.javalin..", "com.fasterxml.jackson..", "org.jooq..", "java.sql..",
            "javax.sql..", "org.sqlite..", "org.eclipse.jetty..", "jakarta.servlet..", "com.google.api.client..",
            "com.auth0.jwt..", "io.prometheus..", "io.micrometer.."};

    final String base;
    final String query;
    final String domain;
    final String domainOrk;
    final String application;
    final String ports;
    final String portIn;
    final String portOut;
    final String http;
    final String persistence;
    final String ork;
    final String orkSpi;
    final String orkCluster;
    final String bootstrap;
    private final List<String> adapters;

    ArchitectureRules(String base) {
        this.base = base;
        query = base + ".query..";
        domain = base + ".domain..";
        domainOrk = base + ".domain.ork..";
        application = base + ".application..";
        ports = base + ".application..port..";
        portIn = base + ".application..port.in..";
        portOut = base + ".application..port.out..";
        http = base + ".adapters.http..";
        persistence = base + ".adapters.persistence..";
        ork = base + ".adapters.ork..";
        orkSpi = base + ".adapters.ork.spi..";
        orkCluster = base + ".adapters.ork.cluster..";
        bootstrap = base + ".bootstrap..";
        adapters = List.of(http, persistence, ork);
    }

    ArchRule queryIsPlainJava() {
        return classes().that().resideInAPackage(query)
                .should().onlyDependOnClassesThat().resideInAnyPackage(query, "java..");
    }

    ArchRule domainIsPureJava() {
        return CompositeArchRule.of(classes().that().resideInAPackage(domain)
                        .should().onlyDependOnClassesThat().resideInAnyPackage(domain, "java.."))
                .and(noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS));
    }

    ArchRule applicationUsesNoFramework() {
        return CompositeArchRule.of(noClasses().that().resideInAPackage(application)
                        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS))
                .and(classes().that().resideInAPackage(application)
                        .should().onlyDependOnClassesThat().resideInAnyPackage(application, domain, query, "java..",
                                "com.github.benmanes.caffeine..", "org.slf4j..", "org.jspecify.."));
    }

    /** A use case never names what the capability needs from outside, ... */
    ArchRule inPortsIndependentOfOutPorts() {
        return noClasses().that().resideInAPackage(portIn)
                .should().dependOnClassesThat().resideInAPackage(portOut);
    }

    /** ... and an out-port never names a use case: each side can change without the other. */
    ArchRule outPortsIndependentOfInPorts() {
        return noClasses().that().resideInAPackage(portOut)
                .should().dependOnClassesThat().resideInAPackage(portIn);
    }

    DescribedPredicate<JavaClass> services() {
        return resideInAPackage(application).and(resideOutsideOfPackage(ports))
                .and(assignableTo(resideInAPackage(portIn)).or(simpleNameEndingWith("Service")))
                .as("application services (classes outside the port packages implementing an in-port, or named"
                        + " *Service)");
    }

    ArchRule portsIndependentOfServices() {
        return noClasses().that().resideInAPackage(ports).should().dependOnClassesThat(services());
    }

    /** Adapters see the application only through its ports (and their model types), never a service. */
    ArchRule adaptersUseOnlyPorts() {
        return noClasses().that().resideInAnyPackage(adapters.toArray(String[]::new))
                .should().dependOnClassesThat(resideInAPackage(application).and(resideOutsideOfPackage(ports))
                        .as("application classes outside the port packages"));
    }

    List<ArchRule> adaptersIndependent() {
        return adapters.stream().map(adapter -> (ArchRule) noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(
                        adapters.stream().filter(a -> !a.equals(adapter)).toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAPackage(bootstrap)).toList();
    }

    /** One slice per package of {@code module} (e.g. {@code base.domain..}); none may take part in a cycle. */
    ArchRule freeOfPackageCycles(String module) {
        String part = module.substring(base.length() + 1, module.length() - 2);
        return slices().matching(base + ".(**)")
                .that(DescribedPredicate.describe("packages of " + module, (Slice slice) ->
                        slice.getNamePart(1).equals(part) || slice.getNamePart(1).startsWith(part + ".")))
                .should().beFreeOfCycles();
    }

    /** The transport plugins among {@code classes}: their packages, e.g. {@code base.adapters.ork.sim}. */
    Set<String> transportPlugins(JavaClasses classes) {
        String prefix = ork.substring(0, ork.length() - 2) + ".";
        Set<String> plugins = new TreeSet<>();
        for (JavaClass each : classes.that(resideInAPackage(ork))) {
            String rest = (each.getPackageName() + ".").substring(prefix.length());
            String top = rest.isEmpty() ? "" : rest.substring(0, rest.indexOf('.'));
            if (!top.isEmpty() && !top.equals("spi") && !top.equals("cluster")) {
                plugins.add(prefix + top);
            }
        }
        return plugins;
    }

    /** A plugin is installed by packaging only: no class outside it may name it. */
    ArchRule onlyThePluginSeesItself(String plugin) {
        return noClasses().that().resideOutsideOfPackage(plugin + "..")
                .should().dependOnClassesThat().resideInAPackage(plugin + "..");
    }

    /**
     * A plugin reaches the gateway through the SPI; of the gateway's own modules it may use only the domain's ORK
     * method catalogue ({@code domain.ork}, the methods the simulator must answer), never the application, the
     * cluster adapter or the rest of the domain.
     */
    ArchRule pluginUsesOnlyTheOrkCatalogueOfTheGateway(String plugin) {
        return noClasses().that().resideInAPackage(plugin + "..")
                .should().dependOnClassesThat(resideInAnyPackage(application, orkCluster)
                        .or(resideInAPackage(domain).and(resideOutsideOfPackage(domainOrk)))
                        .as("the application, the cluster adapter or the domain outside domain.ork"));
    }

    /** A third party builds a transport against the SPI alone. */
    ArchRule spiDependsOnlyOnTheJdk() {
        return classes().that().resideInAPackage(orkSpi)
                .should().onlyDependOnClassesThat().resideInAnyPackage(orkSpi, "java..");
    }

    ArchRule onlyTheWiringSeesTheWiring() {
        return noClasses().that().resideOutsideOfPackage(bootstrap)
                .should().dependOnClassesThat().resideInAPackage(bootstrap);
    }
}
