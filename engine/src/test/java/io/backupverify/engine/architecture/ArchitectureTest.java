package io.backupverify.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine knows nothing of Jenkins, so that every behaviour can be proven here with Maven Central alone. */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.backupverify.engine");

    @Test
    void engineHasNoJenkinsImports() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..",
                        "org.jenkinsci..", "org.jenkins..", "io.jenkins..", "org.kohsuke..", "com.cloudbees..")
                .because("the engine must stay free of Jenkins so that it runs and is tested anywhere")
                .check(ENGINE);
    }

    @Test
    void engineDoesNotDependOnTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.backupverify.cli..", "picocli..")
                .check(ENGINE);
    }
}
