package io.trtcsim.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of docs/design.md as rules over the compiled main code: a change that breaks one
 * fails the build and names the offending dependency.
 */
class PackageRulesTest {

    private static final String PROJECT = "io.trtcsim..";
    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.trtcsim");
    }

    @Test
    void noPackageCyclesBetweenTopLevelPackages() {
        slices().matching("io.trtcsim.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void noPackageCyclesBetweenAnyTwoPackages() {
        slices().matching("io.trtcsim.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void theVocabularyDependsOnNothingOfTheProject() {
        classes().that().resideInAPackage("io.trtcsim.trtc..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT).or(resideInAPackage("io.trtcsim.trtc..")))
                .check(main);
    }

    @Test
    void theNetworkVocabularyDependsOnNothingOfTheProject() {
        classes().that().resideInAPackage("io.trtcsim.network..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT).or(resideInAPackage("io.trtcsim.network..")))
                .check(main);
    }

    @Test
    void theMachineLookupsDependOnNothingOfTheProject() {
        classes().that().resideInAPackage("io.trtcsim.host..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT).or(resideInAPackage("io.trtcsim.host..")))
                .check(main);
    }

    @Test
    void theSharedExecutorsDependOnNothingOfTheProject() {
        classes().that().resideInAPackage("io.trtcsim.concurrent..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT).or(resideInAPackage("io.trtcsim.concurrent..")))
                .check(main);
    }

    @Test
    void theLinkEmulatorKnowsOnlyTheNetworkVocabulary() {
        classes().that().resideInAPackage("io.trtcsim.simulator.sfu.netem..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT)
                        .or(resideInAnyPackage("io.trtcsim.simulator.sfu.netem..", "io.trtcsim.network..")))
                .check(main);
    }

    @Test
    void theSimulatorIsFreeOfTheSdkTheHarnessTheStepsAndTheStacks() {
        noClasses().that().resideInAPackage("io.trtcsim.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trtcsim.sdk..", "io.trtcsim.harness..",
                        "io.trtcsim.steps..", "io.trtcsim.stack..", "io.trtcsim.media..", "io.trtcsim.report..")
                .check(main);
    }

    @Test
    void theSdkIsFreeOfStackImplementationsTheSimulatorAndTheHarness() {
        noClasses().that().resideInAPackage("io.trtcsim.sdk..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trtcsim.stack..", "io.trtcsim.simulator..",
                        "io.trtcsim.harness..", "io.trtcsim.steps..", "io.trtcsim.usersig..")
                .check(main);
    }

    @Test
    void theSdksPortDependsOnlyOnTheVocabulary() {
        noClasses().that().resideInAPackage("io.trtcsim.sdk.signaling..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trtcsim.sdk", "io.trtcsim.media..",
                        "io.trtcsim.stack..", "io.trtcsim.simulator..", "io.trtcsim.harness..")
                .check(main);
    }

    @Test
    void stacksReachTheSdkOnlyThroughItsPort() {
        noClasses().that().resideInAPackage("io.trtcsim.stack..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trtcsim.sdk", "io.trtcsim.harness..",
                        "io.trtcsim.steps..")
                .check(main);
    }

    @Test
    void nothingDependsOnTheLoadCommand() {
        noClasses().that().resideOutsideOfPackage("io.trtcsim.load..")
                .should().dependOnClassesThat().resideInAPackage("io.trtcsim.load..")
                .check(main);
    }

    @Test
    void theFuzzerKnowsOnlyUserSigsTheSharedExecutorsAndTheCommandLine() {
        classes().that().resideInAPackage("io.trtcsim.fuzz..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT).or(resideInAnyPackage(
                        "io.trtcsim.fuzz..", "io.trtcsim.usersig..", "io.trtcsim.concurrent..", "io.trtcsim.cli..")))
                .check(main);
    }

    @Test
    void theCommandLineTypesDependOnNothingOfTheProject() {
        classes().that().resideInAPackage("io.trtcsim.cli..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT).or(resideInAPackage("io.trtcsim.cli..")))
                .check(main);
    }

    @Test
    void nothingDependsOnTheFuzzCommand() {
        noClasses().that().resideOutsideOfPackage("io.trtcsim.fuzz..")
                .should().dependOnClassesThat().resideInAPackage("io.trtcsim.fuzz..")
                .check(main);
    }

    @Test
    void stepsDependOnlyOnTheHarnessAndTheVocabularies() {
        classes().that().resideInAPackage("io.trtcsim.steps..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT)
                        .or(resideInAnyPackage("io.trtcsim.steps..", "io.trtcsim.harness..", "io.trtcsim.trtc..", "io.trtcsim.network..")))
                .check(main);
    }
}
