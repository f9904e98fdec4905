package dev.greenlight.action.argo;

import static dev.greenlight.action.argo.ArgoFixtures.NS;
import static dev.greenlight.action.argo.ArgoFixtures.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.ArgoVerify;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code argo} verify kind: the action's workflow (found by its key label) Succeeded, or a
 * separate check template, submitted once under its own key, Succeeded. It never submits the
 * action's template.
 */
class ArgoVerifierTest {
  private FakeArgoServer argo;
  private ArgoVerifier verifier;
  private final List<String> beats = new ArrayList<>();
  private final ActionContext context = ArgoFixtures.context(beats);

  @BeforeEach
  void start() throws Exception {
    argo = new FakeArgoServer().template(NS, TEMPLATE).template(NS, "check-oom");
    verifier = new ArgoVerifier(argo.servers());
  }

  @AfterEach
  void stop() throws Exception {
    argo.close();
  }

  private FakeWorkflow actionRan() throws Exception {
    argo.plan(TEMPLATE, 1_000_000, w -> {});
    catchThrowableOfType(
        () ->
            new ArgoActionExecutor(argo.servers())
                .run(ArgoFixtures.action(Duration.ofMillis(30)), context),
        ActionFailure.class);
    return argo.workflows().get(0);
  }

  @Test
  void theActionsWorkflowSucceededIsRecovered() throws Exception {
    FakeWorkflow w = actionRan();
    argo.change(s -> w.succeed());

    VerificationResult result = verifier.verify(ArgoFixtures.followAction(), context);

    assertThat(result.recovered()).isTrue();
    assertThat(result.detail()).startsWith("Argo workflow " + w.name + " Succeeded: https://");
    assertThat(argo.submits()).as("only the action submitted").hasSize(1);
  }

  @Test
  void theActionsWorkflowFailedIsNotRecoveredAndNamesTheNode() throws Exception {
    FakeWorkflow w = actionRan();
    argo.change(s -> w.fail("drain-node", "node drain timed out"));

    VerificationResult result = verifier.verify(ArgoFixtures.followAction(), context);

    assertThat(result.recovered()).isFalse();
    assertThat(result.detail())
        .contains("Argo workflow " + w.name + " failed at node 'drain-node': node drain timed out");
  }

  @Test
  void noWorkflowForThisIncidentIsNotRecovered() throws Exception {
    VerificationResult result = verifier.verify(ArgoFixtures.followAction(), context);

    assertThat(result.recovered()).isFalse();
    assertThat(result.detail())
        .contains("no Argo workflow in namespace remediation carries this incident's label");
    assertThat(argo.submits()).isEmpty();
  }

  @Test
  void stillRunningAtTheTimeoutIsNotRecovered() throws Exception {
    FakeWorkflow w = actionRan();
    ArgoVerify check = new ArgoVerify(null, NS, null, false, null, Duration.ofMillis(50));

    VerificationResult result = verifier.verify(check, context);

    assertThat(result.recovered()).isFalse();
    assertThat(result.detail()).contains(w.name + " still running after PT0.05S");
    assertThat(beats).anyMatch(b -> b.startsWith("Argo workflow " + w.name + " Running"));
  }

  @Test
  void aCheckTemplateIsSubmittedOnceUnderItsOwnKeyAndAdoptedOnARetry() throws Exception {
    argo.plan("check-oom", 1, FakeWorkflow::succeed);
    ArgoVerify check =
        new ArgoVerify(
            null, NS, "check-oom", false, Map.of("service", "{service}"), Duration.ofSeconds(5));

    VerificationResult first = verifier.verify(check, context);
    VerificationResult again = verifier.verify(check, context);

    assertThat(first.recovered()).isTrue();
    assertThat(again.recovered()).isTrue();
    assertThat(argo.submits()).hasSize(1);
    FakeWorkflow w = argo.workflows().get(0);
    assertThat(w.template).isEqualTo("check-oom");
    assertThat(w.parameters).containsExactly("service=checkout-api");
    assertThat(w.labels.get(ArgoLabels.KEY))
        .isEqualTo(ArgoLabels.keyHash(context.idempotencyKey() + ":verify"))
        .isNotEqualTo(ArgoLabels.keyHash(context.idempotencyKey()));
  }

  @Test
  void aForbiddenReadIsAPermanentFailureOfTheCheckNotANotRecovered() throws Exception {
    actionRan();
    argo.forbid("get");

    ActionFailure f =
        catchThrowableOfType(
            () -> verifier.verify(ArgoFixtures.followAction(), context), ActionFailure.class);

    assertThat(f.permanent()).isTrue();
    assertThat(f.getMessage())
        .contains("verification of fix-oom-pods: the Argo Server refused to read workflow")
        .contains("check the token's RBAC (get workflows)")
        .doesNotContain(FakeArgoServer.TOKEN);
  }
}
