package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.sandbox.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox page's "fire an alert" control: {@code /alert} typed in the page goes to the bot's
 * real alert receiver with its token, the card appears, and resolving it closes the waiting gate.
 */
class SandboxAlertIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anAlertFiredFromThePageStartsAnIncidentAndResolvingItClosesTheGate() throws Exception {
    try (Sandbox sandbox = Sandbox.start(0, Map.of())) {
      JsonNode fired = type(sandbox, "/alert checkout-api PodsOOMKilled");
      assertThat(fired.path("ok").asBoolean()).as(fired.toString()).isTrue();
      assertThat(fired.path("answer").asText())
          .isEqualTo("Fired PodsOOMKilled on checkout-api: started 1");
      Message card =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> sandbox.slack().messages(Sandbox.CHANNEL),
                  m ->
                      !m.isEmpty() && m.get(0).blocks().toString().contains("Waiting for approval"))
              .get(0);
      assertThat(card.blocks().toString()).contains("Reported by *Alertmanager*", "PodsOOMKilled");
      assertThat(type(sandbox, "/alert checkout-api PodsOOMKilled").path("answer").asText())
          .endsWith("repeated 1");

      JsonNode resolved = type(sandbox, "/alert resolve checkout-api PodsOOMKilled");
      assertThat(resolved.path("answer").asText()).endsWith("resolved 1");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> replies(sandbox, card),
              r -> r.stream().anyMatch(t -> t.contains("resolved on its own")));
      assertThat(sandbox.demo().appliedActions()).isZero();
      assertThat(type(sandbox, "/alert").path("error").asText()).startsWith("usage: /alert");
    }
  }

  private List<String> replies(Sandbox sandbox, Message card) {
    return sandbox.slack().replies(Sandbox.CHANNEL, card.ts()).stream().map(Message::text).toList();
  }

  private JsonNode type(Sandbox sandbox, String text) throws Exception {
    String body =
        JSON.createObjectNode()
            .put("user", Sandbox.ALICE)
            .put("channel", Sandbox.CHANNEL)
            .put("text", text)
            .toString();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.url() + "sandbox/command"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
