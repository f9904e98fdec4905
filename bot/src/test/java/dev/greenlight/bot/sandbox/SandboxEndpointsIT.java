package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.ops.ManagementSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code greenlight sandbox} serves the same management endpoints, on a free loopback port. */
class SandboxEndpointsIT {
  @Test
  void metricsHealthAndReadinessAnswerInTheSandbox() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (Sandbox sandbox = Sandbox.start(0, Map.of())) {
      String base = sandbox.managementUrl();
      assertThat(base).startsWith("http://127.0.0.1:").doesNotEndWith(":9464");
      assertThat(status(http, base + ManagementSettings.HEALTH_PATH)).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> status(http, base + ManagementSettings.READY_PATH) == 200);
      String scrape =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + ManagementSettings.METRICS_PATH))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(scrape).contains("jvm_threads_live_threads", "process_uptime_seconds");
    }
  }

  private static int status(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
