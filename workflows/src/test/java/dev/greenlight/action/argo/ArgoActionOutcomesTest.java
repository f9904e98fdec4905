package dev.greenlight.action.argo;

import static dev.greenlight.action.argo.ArgoFixtures.NS;
import static dev.greenlight.action.argo.ArgoFixtures.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a submitted workflow's end becomes the action's outcome: Failed names the failed node and its
 * message and is permanent (it escalates and is never resubmitted); deleted or stopped outside
 * Greenlight is permanent and says so.
 */
class ArgoActionOutcomesTest {
  private FakeArgoServer argo;
  private ArgoActionExecutor executor;
  private final List<String> beats = new ArrayList<>();
  private final ActionContext context = ArgoFixtures.context(beats);

  @BeforeEach
  void start() throws Exception {
    argo = new FakeArgoServer().template(NS, TEMPLATE);
    executor = new ArgoActionExecutor(argo.servers());
  }

  @AfterEach
  void stop() throws Exception {
    argo.close();
  }

  private ActionFailure failure() {
    ActionFailure f =
        catchThrowableOfType(
            () -> executor.run(ArgoFixtures.action(), context), ActionFailure.class);
    assertThat(f).as("the action failed").isNotNull();
    assertThat(f.getMessage()).startsWith("action fix-oom-pods: ");
    return f;
  }

  @Test
  void failedNamesTheFailedNodeAndItsMessageAndIsPermanent() throws Exception {
    argo.plan(TEMPLATE, 1, w -> w.fail("restart-pods", "OOMKilled (exit code 137)"));

    ActionFailure f = failure();

    assertThat(f.permanent()).isTrue();
    String name = argo.workflows().get(0).name;
    assertThat(f.getMessage())
        .isEqualTo(
            "action fix-oom-pods: Argo workflow "
                + name
                + " failed at node 'restart-pods': OOMKilled (exit code 137): "
                + FakeArgoServer.UI
                + "/workflows/remediation/"
                + name);
  }

  @Test
  void aFailureIsNotResubmittedWhenTheActivityRunsAgain() throws Exception {
    argo.plan(TEMPLATE, 0, w -> w.fail("restart-pods", "Error (exit code 1)"));
    failure();

    ActionFailure again = failure();

    assertThat(again.getMessage()).contains("at node 'restart-pods': Error (exit code 1)");
    assertThat(argo.submits()).hasSize(1);
  }

  @Test
  void deletedFromOutsideIsReportedAsSuch() throws Exception {
    argo.plan(TEMPLATE, 1, w -> argo.delete(w.namespace, w.name));

    ActionFailure f = failure();

    assertThat(f.permanent()).isTrue();
    assertThat(f.getMessage()).contains("was deleted outside Greenlight before it finished");
  }

  @Test
  void stoppedFromOutsideIsReportedWithTheStrategy() throws Exception {
    argo.plan(TEMPLATE, 1, w -> w.stopFromOutside("Terminate"));

    ActionFailure f = failure();

    assertThat(f.permanent()).isTrue();
    assertThat(f.getMessage())
        .contains("was stopped outside Greenlight (strategy Terminate)")
        .doesNotContain("failed at node");
  }

  @Test
  void aServerErrorWhileWaitingIsReadAgainNotAFailure() throws Exception {
    argo.plan(TEMPLATE, 0, FakeWorkflow::succeed).failReads(2);

    String summary = executor.run(ArgoFixtures.action(), context).summary();

    assertThat(summary).contains("Succeeded");
    assertThat(beats).anyMatch(b -> b.contains("the Argo Server answered HTTP 503 (read 1)"));
    assertThat(argo.submits()).hasSize(1);
  }
}
