package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire protocol, without Bolt: form and JSON bodies, envelopes, errors, redaction. */
class WebApiSpeaksSlackHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private SlackServer server;

  @BeforeEach
  void start() {
    server = SlackServer.builder().botToken("xoxb-custom").teamId("T0CUSTOM").start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void formBodyWithTokenParamIsAccepted() throws Exception {
    HttpResponse<String> response =
        post(
            "chat.postMessage",
            "application/x-www-form-urlencoded",
            null,
            "token=xoxb-custom&channel=C0OPS&text=hello%20world"
                + "&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D");

    JsonNode body = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(body.path("ok").asBoolean()).isTrue();
    assertThat(body.path("ts").asText()).matches("\\d{10}\\.\\d{6}");
    assertThat(server.messages("C0OPS"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.text()).isEqualTo("hello world");
              assertThat(m.blocks().get(0).path("type").asText()).isEqualTo("divider");
              assertThat(m.blocks().get(0).path("block_id").asText()).isNotBlank();
            });
    assertThat(server.calls("chat.postMessage").get(0).params())
        .containsEntry("token", "[redacted]")
        .doesNotContainValue("xoxb-custom");
  }

  @Test
  void jsonBodyWithBearerHeaderIsAccepted() throws Exception {
    HttpResponse<String> response =
        post(
            "chat.postMessage",
            "application/json; charset=utf-8",
            "xoxb-custom",
            "{\"channel\":\"C0OPS\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hi\"}}]}");

    assertThat(JSON.readTree(response.body()).path("ok").asBoolean()).isTrue();
    assertThat(server.messages("C0OPS").get(0).blocks().get(0).path("text").path("text").asText())
        .isEqualTo("hi");
  }

  @Test
  void errorsUseSlacksEnvelope() throws Exception {
    assertThat(error("chat.postMessage", null, "channel=C0OPS&text=x")).isEqualTo("not_authed");
    assertThat(error("chat.postMessage", "xoxb-wrong", "channel=C0OPS&text=x"))
        .isEqualTo("invalid_auth");
    assertThat(error("apps.connections.open", "xoxb-custom", ""))
        .isEqualTo("not_allowed_token_type");
    assertThat(error("no.such.method", "xoxb-custom", "")).isEqualTo("unknown_method");
    assertThat(error("views.open", "xoxb-custom", "trigger_id=made-up&view=%7B%7D"))
        .isEqualTo("invalid_trigger_id");
    assertThat(server.calls("no.such.method")).hasSize(1);
  }

  @Test
  void authTestDescribesTheConfiguredWorkspace() throws Exception {
    JsonNode body =
        JSON.readTree(
            post("auth.test", "application/x-www-form-urlencoded", "xoxb-custom", "").body());

    assertThat(body.path("team_id").asText()).isEqualTo("T0CUSTOM");
    assertThat(body.path("user_id").asText()).isEqualTo("U0GREENBOT");
    assertThat(body.path("url").asText()).isEqualTo("https://sandbox.slack.localhost/");
  }

  @Test
  void unknownResponseUrlIs404() throws Exception {
    String responseUrl = server.apiUrl().replace("/api/", "/response/does-not-exist");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(responseUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  private String error(String method, String token, String form) throws Exception {
    JsonNode body =
        JSON.readTree(post(method, "application/x-www-form-urlencoded", token, form).body());
    assertThat(body.path("ok").asBoolean()).isFalse();
    return body.path("error").asText();
  }

  private HttpResponse<String> post(String method, String contentType, String bearer, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.apiUrl() + method))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
