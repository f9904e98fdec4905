package dev.greenlight.action.argo;

import static dev.greenlight.action.argo.ArgoFixtures.NS;
import static dev.greenlight.action.argo.ArgoFixtures.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.api.ActionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retried or restarted {@code argo} action adopts the workflow its key's label points at and
 * never submits a second one; another incident's run submits its own.
 */
class ArgoActionIdempotencyTest {
  private FakeArgoServer argo;
  private final List<String> beats = new ArrayList<>();
  private final ActionContext context = ArgoFixtures.context(beats);

  @BeforeEach
  void start() throws Exception {
    argo = new FakeArgoServer().template(NS, TEMPLATE);
  }

  @AfterEach
  void stop() throws Exception {
    argo.close();
  }

  @Test
  void aRetryAfterALostSubmitReplyAdoptsTheWorkflowAndNeverSubmitsTwice() throws Exception {
    argo.plan(TEMPLATE, 1, FakeWorkflow::succeed).loseSubmitReply();
    ArgoActionExecutor executor = new ArgoActionExecutor(argo.servers());

    ActionFailure first =
        catchThrowableOfType(
            () -> executor.run(ArgoFixtures.action(), context), ActionFailure.class);
    assertThat(first.retryable()).isTrue();
    assertThat(argo.workflows()).as("the lost reply still created the workflow").hasSize(1);

    ActionResult second = executor.run(ArgoFixtures.action(), context);

    assertThat(argo.submits()).hasSize(1);
    assertThat(argo.workflows()).hasSize(1);
    assertThat(second.summary()).contains(argo.workflows().get(0).name).contains("Succeeded");
    assertThat(beats).contains("adopted Argo workflow " + argo.workflows().get(0).name);
  }

  @Test
  void aRestartedWorkerAdoptsAWorkflowStillRunningAfterTheFirstAttemptTimedOut() throws Exception {
    argo.plan(TEMPLATE, 1_000_000, w -> {});
    ActionFailure timedOut =
        catchThrowableOfType(
            () ->
                new ArgoActionExecutor(argo.servers())
                    .run(ArgoFixtures.action(Duration.ofMillis(100)), context),
            ActionFailure.class);
    assertThat(timedOut.retryable()).isTrue();
    FakeWorkflow w = argo.workflows().get(0);
    assertThat(timedOut.getMessage())
        .contains("Argo workflow " + w.name + " still running after PT0.1S")
        .contains("a retry follows the same workflow");

    argo.change(s -> w.succeed());
    // A new executor and client, as after a worker restart: only the label connects them.
    ActionResult result =
        new ArgoActionExecutor(argo.servers()).run(ArgoFixtures.action(), context);

    assertThat(argo.submits()).hasSize(1);
    assertThat(result.summary()).startsWith("Argo workflow " + w.name + " Succeeded");
  }

  @Test
  void aSubmitThatLosesTheRaceToTheSameNameAdoptsTheOtherAttemptsWorkflow() throws Exception {
    // The other attempt's workflow exists under the key's name but the list did not show it yet.
    String hash = ArgoLabels.keyHash(context.idempotencyKey());
    String name = ArgoLabels.workflowName(TEMPLATE, hash);
    argo.staleNextList();
    argo.change(
        s -> {
          FakeWorkflow other =
              s.add(NS, name, Map.of(ArgoLabels.KEY, hash, ArgoLabels.INCIDENT, "x"));
          other.succeed();
        });
    ArgoActionExecutor executor = new ArgoActionExecutor(argo.servers());

    ActionResult result = executor.run(ArgoFixtures.action(), context);

    assertThat(result.summary()).startsWith("Argo workflow " + name + " Succeeded");
    assertThat(argo.workflows()).hasSize(1);
    assertThat(argo.submits()).as("the submit was tried and answered 409").hasSize(1);
  }

  @Test
  void aNameTakenByAWorkflowWithoutTheKeyIsRefusedAndNothingIsAdopted() throws Exception {
    String name = ArgoLabels.workflowName(TEMPLATE, ArgoLabels.keyHash(context.idempotencyKey()));
    argo.change(s -> s.add(NS, name, Map.of()));
    ArgoActionExecutor executor = new ArgoActionExecutor(argo.servers());

    ActionFailure failure =
        catchThrowableOfType(
            () -> executor.run(ArgoFixtures.action(), context), ActionFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage())
        .contains("already exists")
        .contains("without this incident's key label");
  }

  @Test
  void anotherIncidentSubmitsItsOwnWorkflow() throws Exception {
    argo.plan(TEMPLATE, 0, FakeWorkflow::succeed);
    ArgoActionExecutor executor = new ArgoActionExecutor(argo.servers());

    executor.run(ArgoFixtures.action(), context);
    executor.run(ArgoFixtures.action(), ArgoFixtures.context("GL-99999999", beats));

    assertThat(argo.submits()).hasSize(2);
    assertThat(argo.workflows())
        .extracting(w -> w.labels.get(ArgoLabels.INCIDENT))
        .containsExactlyInAnyOrder("GL-1A2B3C4D", "GL-99999999");
  }
}
