package dev.gradstep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package edges of the brief: a pure core with the CAS, the UI and JavaFX each kept behind one door. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gradstep");
    }

    @Test
    void symja_usedOnlyInCas() {
        noClasses().that().resideOutsideOfPackage("dev.gradstep.cas..")
                .should().dependOnClassesThat().resideInAPackage("org.matheclipse..")
                .check(main);
    }

    @Test
    void javafx_usedOnlyInUi() {
        noClasses().that().resideOutsideOfPackage("dev.gradstep.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.fx..")
                .check(main);
    }

    @Test
    void jlatexmath_usedByOneBridgeClassInUi() {
        long bridges = main.stream()
                .filter(c -> !c.isNestedClass() && !c.isAnonymousClass())
                .filter(c -> c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.scilab.forge.jlatexmath")))
                .peek(c -> org.junit.jupiter.api.Assertions.assertTrue(c.getPackageName().startsWith("dev.gradstep.ui"),
                        c.getName() + " uses JLaTeXMath outside the UI"))
                .count();
        org.junit.jupiter.api.Assertions.assertTrue(bridges <= 1, "JLaTeXMath must be used by one bridge class, found " + bridges);
    }

    @Test
    void core_doesNotDependOnEdges() {
        noClasses().that().resideInAnyPackage("dev.gradstep.expr..", "dev.gradstep.tex..", "dev.gradstep.derivation..",
                        "dev.gradstep.check..", "dev.gradstep.numeric..", "dev.gradstep.cas..", "dev.gradstep.export..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradstep.ui..", "dev.gradstep.cli..", "dev.gradstep.lsp..")
                .check(main);
    }

    @Test
    void languageServer_usesTheCoreNeverTheUiOrCommandLine() {
        noClasses().that().resideInAPackage("dev.gradstep.lsp..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradstep.ui..", "dev.gradstep.cli..", "dev.gradstep.export..",
                        "dev.gradstep.numeric..", "javafx..", "org.matheclipse..")
                .check(main);
        noClasses().that().resideOutsideOfPackages("dev.gradstep.lsp..", "dev.gradstep.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradstep.lsp..", "org.eclipse.lsp4j..")
                .check(main);
    }

    @Test
    void expressionModel_dependsOnNothingElse() {
        noClasses().that().resideInAPackage("dev.gradstep.expr..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradstep.tex..", "dev.gradstep.derivation..",
                        "dev.gradstep.check..", "dev.gradstep.numeric..", "dev.gradstep.cas..", "dev.gradstep.export..")
                .check(main);
    }

    @Test
    void numeric_isPureArithmetic() {
        noClasses().that().resideInAPackage("dev.gradstep.numeric..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradstep.expr..", "dev.gradstep.tex..",
                        "dev.gradstep.derivation..", "dev.gradstep.check..", "dev.gradstep.cas..", "dev.gradstep.export..")
                .check(main);
    }

    @Test
    void cas_and_tex_doNotKnowDerivationsOrChecking() {
        noClasses().that().resideInAnyPackage("dev.gradstep.cas..", "dev.gradstep.tex..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradstep.derivation..", "dev.gradstep.check..",
                        "dev.gradstep.export..")
                .check(main);
    }

    @Test
    void featurePackages_haveNoCycles() {
        slices().matching("dev.gradstep.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void staticFields_areConstants() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("dev.gradstep..")
                .should().beFinal()
                .because("state lives in objects, never in static fields")
                .check(main);
    }
}
