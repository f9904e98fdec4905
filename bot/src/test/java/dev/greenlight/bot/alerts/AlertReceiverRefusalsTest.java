package dev.greenlight.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real receiver on loopback refuses before anything is routed: no token or a wrong one (401), a
 * body over the limit (413, with or without a length), a body that does not parse (400 with the
 * reason), another method (405). The router is never reached, so none is given.
 */
class AlertReceiverRefusalsTest {
  private static final String TOKEN = "unit-test-token-0123456789";
  private final OkHttpClient http = new OkHttpClient();
  private final AtomicInteger parsed = new AtomicInteger();
  private final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
  private AlertReceiver receiver;

  @BeforeEach
  void start() {
    receiver =
        AlertReceiver.start(
            new ReceiverSettings("127.0.0.1", 0, TOKEN, 2048),
            null,
            body -> {
              parsed.incrementAndGet();
              return AlertmanagerPayload.parse(body);
            },
            meters);
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private record Answer(int status, JsonNode body, String authenticate) {}

  private Answer post(String path, RequestBody body, String auth) throws Exception {
    Request.Builder r = new Request.Builder().url(receiver.url() + path).post(body);
    if (auth != null) {
      r.header("Authorization", auth);
    }
    try (Response response = http.newCall(r.build()).execute()) {
      return new Answer(
          response.code(),
          new ObjectMapper().readTree(response.body().string()),
          response.header("WWW-Authenticate"));
    }
  }

  private static RequestBody json(String s) {
    return RequestBody.create(s, MediaType.get("application/json"));
  }

  @Test
  void withoutTheRightTokenNothingIsRead() throws Exception {
    for (String auth : new String[] {null, "Bearer wrong-token-0123456789", TOKEN, "Basic x"}) {
      Answer a = post(AlertReceiver.GENERIC, json("{}"), auth);
      assertThat(a.status()).as(String.valueOf(auth)).isEqualTo(401);
      assertThat(a.authenticate()).startsWith("Bearer");
    }
    assertThat(parsed).hasValue(0);
    assertThat(
            meters
                .get(dev.greenlight.telemetry.Meters.ALERTS_REFUSED)
                .tag("status", "401")
                .counter()
                .count())
        .isEqualTo(4.0);
  }

  @Test
  void aBodyOverTheLimitIs413WithOrWithoutALength() throws Exception {
    String big = "{\"x\":\"" + "y".repeat(4096) + "\"}";
    Answer sized = post(AlertReceiver.GENERIC, json(big), "Bearer " + TOKEN);
    assertThat(sized.status()).isEqualTo(413);
    assertThat(sized.body().path("reason").asText())
        .contains("2048 bytes", ReceiverSettings.MAX_BYTES_VARIABLE);
    RequestBody chunked =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/json");
          }

          @Override
          public long contentLength() {
            return -1;
          }

          @Override
          public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
            sink.writeUtf8(big);
          }
        };
    assertThat(post(AlertReceiver.GENERIC, chunked, "Bearer " + TOKEN).status()).isEqualTo(413);
    assertThat(parsed).hasValue(0);
  }

  @Test
  void aBodyThatDoesNotParseIs400WithTheReason() throws Exception {
    Answer a = post(AlertReceiver.GENERIC, json("[1, 2"), "Bearer " + TOKEN);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("reason").asText()).startsWith("the body is not valid JSON");
    assertThat(parsed).hasValue(1);
  }

  @Test
  void onlyPostIsAnswered() throws Exception {
    Request get =
        new Request.Builder()
            .url(receiver.url() + AlertReceiver.ALERTMANAGER)
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    try (Response r = http.newCall(get).execute()) {
      assertThat(r.code()).isEqualTo(405);
      assertThat(r.header("Allow")).isEqualTo("POST");
    }
    assertThat(List.of(receiver.url())).allMatch(u -> u.startsWith("http://127.0.0.1:"));
  }
}
