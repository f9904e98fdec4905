package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoServicesTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoServices demo;

  @AfterEach
  void stop() {
    demo.close();
  }

  private int get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(demo.baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private int post(String path, String key) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(demo.baseUrl() + path))
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aServiceIsSickUntilAnActionRunsThenRecoversAndARepeatIsNotAppliedTwice() throws Exception {
    demo = DemoServices.start(0, Duration.ofMillis(300));
    assertThat(get("/health/checkout-api")).isEqualTo(503);
    assertThat(post("/actions/restart?service=checkout-api", "wf:rb")).isEqualTo(202);
    assertThat(post("/actions/restart?service=checkout-api", "wf:rb")).isEqualTo(200);
    assertThat(demo.appliedActions()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> get("/health/checkout-api") == 200);
  }

  @Test
  void paymentsApiNeverRecovers() throws Exception {
    demo = DemoServices.start(0, Duration.ZERO);
    assertThat(post("/actions/restart?service=payments-api", "k")).isEqualTo(202);
    Thread.sleep(200);
    assertThat(get("/health/payments-api")).isEqualTo(503);
  }
}
