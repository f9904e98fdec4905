package dev.greenlight.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.ActionResult;
import dev.greenlight.config.HttpAction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code http} action sends the catalog's request, rendered, with the idempotency key. */
class HttpActionExecutorTest {
  private final MockWebServer server = new MockWebServer();
  private final HttpActionExecutor executor = new HttpActionExecutor(new OkHttpClient());
  private final Map<String, String> vars = Map.of("service", "checkout-api", "incident", "INC 7&x");
  private String base;

  @BeforeEach
  void start() throws Exception {
    server.start();
    // The base URL is taken as text, because HttpUrl would percent-encode the template's braces.
    base = server.url("/").toString();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private ActionContext context(String workflowId, String runbookId) {
    return new ActionContext(
        "INC 7&x",
        workflowId,
        runbookId,
        vars,
        ActionContext.idempotencyKey(workflowId, runbookId),
        Heartbeat.NONE);
  }

  private RecordedRequest onlyRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    return request;
  }

  @Test
  void postSendsRenderedUrlBodyHeadersAndIdempotencyKey() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(202));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Requested-By", "greenlight");
    HttpAction action =
        new HttpAction(
            "POST",
            base + "actions/restart?service={service}&incident={incident}",
            "{\"service\":\"{service}\",\"incident\":\"{incident}\"}",
            headers,
            Duration.ofSeconds(5));

    ActionResult result = executor.run(action, context("wf-INC-7", "restart-oom-pods"));

    assertThat(result).isEqualTo(new ActionResult("http", "HTTP 202", "wf-INC-7:restart-oom-pods"));
    RecordedRequest request = onlyRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath())
        .isEqualTo("/actions/restart?service=checkout-api&incident=INC+7%26x");
    assertThat(request.getBody().readUtf8())
        .isEqualTo("{\"service\":\"checkout-api\",\"incident\":\"INC 7&x\"}");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(request.getHeader("X-Requested-By")).isEqualTo("greenlight");
    assertThat(request.getHeaders().values("Idempotency-Key"))
        .containsExactly("wf-INC-7:restart-oom-pods");
  }

  @Test
  void putWithoutBodySendsAnEmptyBodyToTheRenderedPath() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    HttpAction action =
        new HttpAction("PUT", base + "actions/{service}", "", Map.of(), Duration.ofSeconds(5));

    assertThat(executor.run(action, context("wf", "k")).summary()).isEqualTo("HTTP 204");
    RecordedRequest request = onlyRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getPath()).isEqualTo("/actions/checkout-api");
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void getWithEmptyBodySendsNoBody() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200));
    HttpAction action =
        new HttpAction(
            "GET", base + "actions/purge?service={service}", "", Map.of(), Duration.ofSeconds(5));

    assertThat(executor.run(action, context("wf-1", "purge")).summary()).isEqualTo("HTTP 200");
    RecordedRequest request = onlyRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getBodySize()).isZero();
    assertThat(request.getHeader("Content-Length")).isNull();
    assertThat(request.getHeader("Content-Type")).isNull();
    assertThat(request.getHeader("Idempotency-Key")).isEqualTo("wf-1:purge");
  }

  @Test
  void theCatalogCannotChooseTheIdempotencyKey() {
    // The record itself refuses the header, so no executor ever sees a catalog-chosen key.
    assertThatThrownBy(
            () ->
                new HttpAction(
                    "POST",
                    base + "actions",
                    "",
                    Map.of("Idempotency-Key", "fixed"),
                    Duration.ofSeconds(5)))
        .hasMessageContaining("Idempotency-Key is set by Greenlight");
  }
}
