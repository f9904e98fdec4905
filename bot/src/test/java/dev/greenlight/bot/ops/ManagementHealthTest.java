package dev.greenlight.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManagementHealthTest {
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final Readiness readiness = new Readiness();
  final AtomicReference<Optional<String>> socket = new AtomicReference<>(Optional.empty());
  final HttpClient http = HttpClient.newHttpClient();
  ManagementServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  ManagementServer start() {
    server = ManagementServer.start(new ManagementSettings("127.0.0.1", 0), registry, readiness);
    return server;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthzIsAliveEvenBeforeTheStartIsComplete() throws Exception {
    start();
    HttpResponse<String> r = get(ManagementSettings.HEALTH_PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void readyzSays503WithAReasonUntilEveryCheckHolds() throws Exception {
    start();
    readiness.add(socket::get);
    assertThat(get(ManagementSettings.READY_PATH).statusCode()).isEqualTo(503);
    assertThat(get(ManagementSettings.READY_PATH).body()).contains("\"reason\":\"starting\"");

    readiness.started();
    socket.set(Optional.of("Slack Socket Mode is not connected"));
    HttpResponse<String> down = get(ManagementSettings.READY_PATH);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.headers().firstValue("Content-Type")).contains(ManagementServer.JSON);
    assertThat(down.body())
        .isEqualTo("{\"status\":\"not ready\",\"reason\":\"Slack Socket Mode is not connected\"}")
        .doesNotContain("\n");

    socket.set(Optional.empty());
    HttpResponse<String> up = get(ManagementSettings.READY_PATH);
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body()).isEqualTo("{\"status\":\"ready\"}");
  }

  @Test
  void metricsServesThePrometheusTextFormat() throws Exception {
    registry.counter("greenlight.test.clicks", "reason", "x").increment(3);
    start();
    HttpResponse<String> r = get(ManagementSettings.METRICS_PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/plain"));
    assertThat(r.body()).contains("greenlight_test_clicks_total{reason=\"x\"} 3.0");
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    start();
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + ManagementSettings.HEALTH_PATH))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void aTakenPortStopsTheStartNamingTheVariable() {
    start();
    assertThatThrownBy(
            () ->
                ManagementServer.start(
                    new ManagementSettings("127.0.0.1", server.port()), registry, readiness))
        .hasMessageContaining(ManagementSettings.PORT_VARIABLE);
  }

  @Test
  void settingsDefaultToLoopbackOn9464AndRefuseNonsense() {
    ManagementSettings d = ManagementSettings.fromEnv(Map.of());
    assertThat(d.bind()).isEqualTo("127.0.0.1");
    assertThat(d.port()).isEqualTo(9464);
    assertThat(d.isLoopback()).isTrue();
    assertThat(ManagementSettings.fromEnv(Map.of(ManagementSettings.PORT_VARIABLE, "0")).port())
        .isZero();
    assertThat(new ManagementSettings("0.0.0.0", 1).isLoopback()).isFalse();
    assertThatThrownBy(
            () -> ManagementSettings.fromEnv(Map.of(ManagementSettings.PORT_VARIABLE, "http")))
        .hasMessageContaining(ManagementSettings.PORT_VARIABLE);
    assertThatThrownBy(
            () -> ManagementSettings.fromEnv(Map.of(ManagementSettings.PORT_VARIABLE, "70000")))
        .hasMessageContaining("0 to 65535");
  }

  @Test
  void aFailingCheckIsAReasonNotACrash() {
    readiness.started();
    readiness.add(
        () -> {
          throw new IllegalStateException("boom");
        });
    assertThat(readiness.problem()).contains("check failed: IllegalStateException");
  }
}
