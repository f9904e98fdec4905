package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated Argo Server's submit, as Argo answers it: a taken name is 409, the workflow is
 * found by its labels, runs for two reads and ends Succeeded, or Failed at the node a test asked.
 */
class SimulatedSubmitTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBMIT =
      """
      {"namespace":"remediation","resourceKind":"WorkflowTemplate","resourceName":"fix-oom",
       "submitOptions":{"name":"fix-oom-0123456789","parameters":["memory=2Gi","service=a"],
       "labels":"greenlight.dev/idempotency-key=abc,greenlight.dev/runbook=fix"}}
      """;

  private final SimulatedArgo argo = SimulatedArgo.start();
  private final OkHttpClient http = new OkHttpClient();

  SimulatedSubmitTest() throws Exception {}

  @AfterEach
  void stop() {
    argo.close();
  }

  @Test
  void aSubmittedTemplateIsListedByItsLabelRunsAndSucceedsAndItsNameIsTakenOnce() throws Exception {
    JsonNode created = call("POST", "/api/v1/workflows/remediation/submit", SUBMIT, 200);
    assertThat(created.at("/metadata/labels/greenlight.dev~1idempotency-key").asText())
        .isEqualTo("abc");
    assertThat(created.at("/spec/arguments/parameters/0/value").asText()).isEqualTo("2Gi");
    call("POST", "/api/v1/workflows/remediation/submit", SUBMIT, 409);

    String selector = "?listOptions.labelSelector=greenlight.dev/idempotency-key%3Dabc";
    assertThat(call("GET", "/api/v1/workflows/remediation" + selector, null, 200).path("items"))
        .hasSize(1);
    assertThat(
            call("GET", "/api/v1/workflows/remediation?listOptions.labelSelector=x%3Dy", null, 200)
                .path("items"))
        .isEmpty();
    String get = "/api/v1/workflows/remediation/fix-oom-0123456789";
    assertThat(call("GET", get, null, 200).at("/status/phase").asText()).isEqualTo("Running");
    assertThat(call("GET", get, null, 200).at("/status/phase").asText()).isEqualTo("Succeeded");
    assertThat(argo.submits()).hasSize(2);
  }

  @Test
  void failNextFailsTheNextWorkflowOfThatTemplateAtTheNamedNodeWithItsMessage() throws Exception {
    argo.failNext("fix-oom", "restart-pods", "OOMKilled (exit code 137)");
    call("POST", "/api/v1/workflows/remediation/submit", SUBMIT, 200);
    String get = "/api/v1/workflows/remediation/fix-oom-0123456789";
    call("GET", get, null, 200);
    JsonNode w = call("GET", get, null, 200);
    assertThat(w.at("/status/phase").asText()).isEqualTo("Failed");
    JsonNode failed = null;
    for (JsonNode n : w.at("/status/nodes")) {
      if (n.path("phase").asText().equals("Failed") && n.path("type").asText().equals("Pod")) {
        failed = n;
      }
    }
    assertThat(failed).isNotNull();
    assertThat(failed.path("displayName").asText()).isEqualTo("restart-pods");
    assertThat(failed.path("message").asText()).isEqualTo("OOMKilled (exit code 137)");
  }

  private JsonNode call(String method, String path, String body, int status) throws Exception {
    RequestBody rb =
        body == null ? null : RequestBody.create(body, MediaType.get("application/json"));
    Request req = new Request.Builder().url(argo.baseUrl() + path).method(method, rb).build();
    try (Response r = http.newCall(req).execute()) {
      assertThat(r.code()).as(method + " " + path).isEqualTo(status);
      return JSON.readTree(r.body().string());
    }
  }
}
