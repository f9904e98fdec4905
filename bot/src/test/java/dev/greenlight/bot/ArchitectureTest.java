package dev.greenlight.bot;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module and package boundaries, checked on the production classes of all three modules (the
 * bot's test classpath holds workflows, sandbox and bot). Only {@code dev.greenlight..} is
 * imported, and no test classes: libraries are seen only as the targets of dependencies.
 */
@AnalyzeClasses(packages = "dev.greenlight", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The packages of the workflows module, the durable core. */
  private static final String[] WORKFLOWS_MODULE = {
    "dev.greenlight.api..",
    "dev.greenlight.config..",
    "dev.greenlight.classify..",
    "dev.greenlight.action..",
    "dev.greenlight.activities..",
    "dev.greenlight.workflows..",
    "dev.greenlight.rails..",
    "dev.greenlight.intake..",
    "dev.greenlight.worker..",
    "dev.greenlight.telemetry.."
  };

  @ArchTest
  static final ArchRule noCyclesBetweenGreenlightPackages =
      slices().matching("dev.greenlight.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noCyclesBetweenBotPackages =
      slices().matching("dev.greenlight.bot.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theDurableCoreHasNoSlackCode =
      noClasses()
          .that()
          .resideInAnyPackage(WORKFLOWS_MODULE)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.slack..");

  @ArchTest
  static final ArchRule theContractPackageDependsOnNoOtherGreenlightPackage =
      noClasses()
          .that()
          .resideInAPackage("dev.greenlight.api..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.greenlight..")
                  .and(not(resideInAPackage("dev.greenlight.api.."))));

  /**
   * In the bot, only {@code IncidentClient} (with its two helpers: {@code AlertIncidents}, the
   * alert receiver's starts and listing, and {@code OpenIncidents}, the visibility listing) talks
   * to Temporal and knows the workflow's types; the Slack handlers go through it. Exempt are the
   * wiring classes, which build the parts of a process from a {@code WorkflowClient} and hand them
   * over: {@code Greenlight} (starts bot, worker and the embedded server in one process), the CLI
   * subcommands (each starts its part) and the sandbox launcher (the whole loop plus a
   * Slack-compatible server).
   */
  @ArchTest
  static final ArchRule onlyIncidentClientTalksToTemporalInTheBot =
      noClasses()
          .that()
          .resideInAPackage("dev.greenlight.bot..")
          .and()
          .haveNameNotMatching(
              "dev\\.greenlight\\.bot\\.slack\\.(IncidentClient|AlertIncidents|OpenIncidents)(\\$.*)?")
          .and()
          .haveNameNotMatching("dev\\.greenlight\\.bot\\.Greenlight(\\$.*)?")
          .and()
          .resideOutsideOfPackages("dev.greenlight.bot.cli..", "dev.greenlight.bot.sandbox..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.temporal.client..",
              "dev.greenlight.workflows..",
              "dev.greenlight.rails..",
              "dev.greenlight.intake..");

  /**
   * The rules above pass vacuously on an empty import, so this one checks what was imported: the
   * production classes of every module, and no test class.
   */
  @ArchTest
  static void theRulesSeeTheProductionClassesOfEveryModule(JavaClasses classes) {
    assertThat(
            List.of(
                "dev.greenlight.api.GateCheck",
                "dev.greenlight.workflows.RemediationWorkflowImpl",
                "dev.greenlight.sandbox.SlackServer",
                "dev.greenlight.bot.slack.IncidentClient"))
        .allSatisfy(name -> assertThat(classes.contain(name)).as(name).isTrue());
    assertThat(classes.contain("dev.greenlight.bot.ArchitectureTest")).isFalse();
  }
}
