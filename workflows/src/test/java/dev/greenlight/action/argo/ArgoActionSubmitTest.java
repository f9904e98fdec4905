package dev.greenlight.action.argo;

import static dev.greenlight.action.argo.ArgoFixtures.NS;
import static dev.greenlight.action.argo.ArgoFixtures.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.action.ActionContext;
import dev.greenlight.api.ActionResult;
import dev.greenlight.config.ArgoAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first run of an {@code argo} action looks for its key's workflow, finds none, submits the
 * template once with the catalog's parameters and Greenlight's labels, and follows it to the end.
 */
class ArgoActionSubmitTest {
  private final FakeArgoServer argo = start();
  private final List<String> beats = new ArrayList<>();
  private final ActionContext context = ArgoFixtures.context(beats);
  private final ArgoActionExecutor executor = new ArgoActionExecutor(argo.servers());

  private static FakeArgoServer start() {
    try {
      return new FakeArgoServer().template(NS, TEMPLATE).plan(TEMPLATE, 2, FakeWorkflow::succeed);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    argo.close();
  }

  @Test
  void submitsTheTemplateOnceAndReportsSucceededWithALink() throws Exception {
    ActionResult result = executor.run(ArgoFixtures.action(), context);

    assertThat(argo.submits()).hasSize(1);
    FakeWorkflow w = argo.workflows().get(0);
    assertThat(result.type()).isEqualTo("argo");
    assertThat(result.summary())
        .isEqualTo(
            "Argo workflow "
                + w.name
                + " Succeeded: "
                + FakeArgoServer.UI
                + "/workflows/remediation/"
                + w.name);
    assertThat(result.idempotencyKey()).isEqualTo("incident-GL-1A2B3C4D:fix-oom-pods");
    assertThat(beats).anyMatch(b -> b.contains("submitted Argo workflow " + w.name));
    assertThat(beats).anyMatch(b -> b.contains("Argo workflow " + w.name + " Running"));
  }

  @Test
  void theSubmitRequestHasTheSwaggerShape() throws Exception {
    executor.run(ArgoFixtures.action(), context);

    FakeArgoServer.Call submit = argo.submits().get(0);
    assertThat(submit.path()).isEqualTo("/api/v1/workflows/remediation/submit");
    assertThat(submit.authorization()).isEqualTo("Bearer " + FakeArgoServer.TOKEN);
    JsonNode body = new ObjectMapper().readTree(submit.body());
    assertThat(body.path("namespace").asText()).isEqualTo(NS);
    assertThat(body.path("resourceKind").asText()).isEqualTo("WorkflowTemplate");
    assertThat(body.path("resourceName").asText()).isEqualTo(TEMPLATE);
    List<String> params = new ArrayList<>();
    body.path("submitOptions").path("parameters").forEach(p -> params.add(p.asText()));
    assertThat(params)
        .containsExactly("memory=2Gi", "service=checkout-api", "ticket=incident GL-1A2B3C4D");
    String hash = ArgoLabels.keyHash("incident-GL-1A2B3C4D:fix-oom-pods");
    assertThat(body.path("submitOptions").path("labels").asText())
        .isEqualTo(
            "greenlight.dev/idempotency-key="
                + hash
                + ",greenlight.dev/incident=GL-1A2B3C4D,greenlight.dev/runbook=fix-oom-pods");
    assertThat(body.path("submitOptions").path("name").asText())
        .isEqualTo("fix-oom-" + hash.substring(0, 10));
  }

  @Test
  void looksForTheKeysWorkflowBeforeSubmitting() throws Exception {
    executor.run(ArgoFixtures.action(), context);

    List<FakeArgoServer.Call> calls = argo.calls();
    assertThat(calls.get(0).method()).isEqualTo("GET");
    assertThat(calls.get(0).path()).isEqualTo("/api/v1/workflows/remediation");
    assertThat(calls.get(0).query("listOptions.labelSelector"))
        .isEqualTo(
            "greenlight.dev/idempotency-key="
                + ArgoLabels.keyHash("incident-GL-1A2B3C4D:fix-oom-pods"));
    assertThat(calls.get(0).query("fields")).contains("items.metadata.labels");
    assertThat(calls.get(1).path()).endsWith("/submit");
    // Then it reads the workflow until it ended: two Running reads and the Succeeded one.
    assertThat(argo.calls("GET", "/" + argo.workflows().get(0).name)).hasSize(3);
  }

  @Test
  void aClusterTemplateIsSubmittedAsClusterWorkflowTemplate() throws Exception {
    argo.clusterTemplate("cluster-fix").plan("cluster-fix", 0, FakeWorkflow::succeed);
    ArgoAction action =
        new ArgoAction("default", NS, "cluster-fix", true, Map.of(), Duration.ofSeconds(5));

    executor.run(action, context);

    JsonNode body = new ObjectMapper().readTree(argo.submits().get(0).body());
    assertThat(body.path("resourceKind").asText()).isEqualTo("ClusterWorkflowTemplate");
    assertThat(body.path("submitOptions").path("parameters").size()).isZero();
  }
}
