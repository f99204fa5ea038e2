package io.miningos.gateway.bootstrap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The dependency rules of the design, checked on the production classes of every module. Each rule first asserts
 * that the packages it names hold classes, so a misspelt package can't make a rule pass vacuously.
 */
class ArchitectureTest {

    private static final String BASE = "io.miningos.gateway";
    private static final String QUERY = BASE + ".query..";
    private static final String DOMAIN = BASE + ".domain..";
    private static final String APPLICATION = BASE + ".application..";
    private static final String HTTP = BASE + ".adapters.http..";
    private static final String ORK = BASE + ".adapters.ork..";
    private static final String PERSISTENCE = BASE + ".adapters.persistence..";
    private static final String BOOTSTRAP = BASE + ".bootstrap..";
    private static final List<String> ADAPTERS = List.of(HTTP, ORK, PERSISTENCE);

    private static final String[] FRAMEWORKS = {"io.javalin..", "com.fasterxml.jackson..", "org.jooq..", "java.sql..",
            "javax.sql..", "org.sqlite..", "org.eclipse.jetty..", "jakarta.servlet..", "com.google.api.client..",
            "com.auth0.jwt.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the modules' test-jars (shared test fixtures) are on this class path too; they are not production
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(BASE);
        for (String layer : List.of(QUERY, DOMAIN, APPLICATION, HTTP, ORK, PERSISTENCE, BOOTSTRAP)) {
            String prefix = layer.substring(0, layer.length() - 2);
            assertFalse(classes.stream().noneMatch(c -> c.getPackageName().startsWith(prefix)),
                    "no production classes found in " + layer + "; the rules below would check nothing");
        }
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void theQueryEngineIsAPlainJavaLibrary() {
        check(classes().that().resideInAPackage(QUERY)
                .should().onlyDependOnClassesThat().resideInAnyPackage(QUERY, "java.."));
    }

    @Test
    void domainIsPureJava() {
        check(noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage("com.github.benmanes.caffeine..", "org.slf4j..")
                .orShould().dependOnClassesThat().resideInAnyPackage(QUERY, APPLICATION, HTTP, ORK, PERSISTENCE,
                        BOOTSTRAP));
    }

    @Test
    void applicationDependsOnlyOnTheDomainAndSmallLibraries() {
        check(noClasses().that().resideInAPackage(APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage(HTTP, ORK, PERSISTENCE, BOOTSTRAP));
        check(classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, QUERY, "java..",
                        "com.github.benmanes.caffeine..", "org.slf4j..", "org.jspecify.."));
    }

    @Test
    void adaptersNeverDependOnEachOther() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).toArray(String[]::new);
            check(noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage(BOOTSTRAP));
        }
    }

    @Test
    void portsDoNotDependOnServices() {
        check(noClasses().that().resideInAPackage(APPLICATION).and().areInterfaces()
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Service"));
    }

    @Test
    void onlyTheWiringSeesEveryModule() {
        check(noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
                .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP));
    }
}
