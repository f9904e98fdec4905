package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.ops.ManagementSettings;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The management server of {@code run} on the real loop: probes answer, an incident's counters show
 * up in a scrape, and readiness drops when Socket Mode loses Slack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsEndpointsIT extends LoopFixture {
  static final HttpClient http = HttpClient.newHttpClient();

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(greenlight.managementUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of one sample in a scrape, or 0 when it is absent. */
  static double sample(String scrape, String name, String labels) {
    Matcher m =
        Pattern.compile(
                "^" + Pattern.quote(name) + Pattern.quote(labels) + " ([0-9.eE+-]+)$",
                Pattern.MULTILINE)
            .matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  @Order(1)
  void probesAnswerOnLoopback() throws Exception {
    assertThat(greenlight.managementUrl()).startsWith("http://127.0.0.1:");
    assertThat(get(ManagementSettings.HEALTH_PATH).statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get(ManagementSettings.READY_PATH).statusCode() == 200);
    assertThat(get(ManagementSettings.READY_PATH).body()).isEqualTo("{\"status\":\"ready\"}");
  }

  @Test
  @Order(2)
  void aScrapeAfterAnIncidentShowsItsCounters() throws Exception {
    String channel = newChannel();
    assertThat(
            ackText(
                slack.sendSlashCommand(
                    "U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)))
        .contains("started");
    Message card = awaitButtons(channel);
    slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);
    awaitReply(channel, "Recovered");

    String scrape =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> get(ManagementSettings.METRICS_PATH).body(),
                s ->
                    sample(s, "greenlight_incidents_ended_total", "{outcome=\"recovered\"}") >= 1
                        && s.contains("temporal_"));
    assertThat(sample(scrape, "greenlight_incidents_started_total", "{route=\"human\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "greenlight_incidents_requested_total", "{result=\"started\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "greenlight_gate_outcomes_total", "{outcome=\"approved\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "greenlight_gate_wait_seconds_count", "{outcome=\"approved\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "greenlight_approval_to_verified_seconds_count", ""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            sample(
                scrape,
                "greenlight_slack_calls_total",
                "{error=\"none\",method=\"chat.postMessage\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "greenlight_action_results_total", "{kind=\"http\",result=\"ok\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            sample(
                scrape, "greenlight_verify_results_total", "{kind=\"http\",result=\"recovered\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "greenlight_slack_ack_seconds_count", "{type=\"block_action\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "greenlight_slack_ack_seconds_count", "{type=\"command\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape)
        .contains(
            "greenlight_classification_seconds_count{degraded=\"false\",matched=\"true\"}",
            "greenlight_classification_confidence_count",
            "jvm_memory_used_bytes",
            "process_cpu_usage")
        .doesNotContain(slack.botToken(), slack.appToken());
  }

  @Test
  @Order(3)
  void aRefusedClickIsCountedByReason() throws Exception {
    String channel = newChannel();
    ackText(slack.sendSlashCommand(ALICE, channel, "/remediate", "checkout-api " + OOM_TEXT));
    Message card = awaitButtons(channel);
    slack.clickButton(MALLORY, card, Ids.APPROVE_ACTION);
    awaitEphemeral(MALLORY, "");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              // The e2e catalog names a user group, so the bot lets any clicker through and the
              // workflow refuses Mallory; without groups the bot would refuse her itself.
              String scrape = get(ManagementSettings.METRICS_PATH).body();
              return sample(
                          scrape,
                          "greenlight_clicks_refused_total",
                          "{by=\"workflow\",reason=\"not_an_approver\"}")
                      + sample(
                          scrape,
                          "greenlight_clicks_refused_total",
                          "{by=\"bot\",reason=\"not_an_approver\"}")
                  >= 1;
            });
  }

  @Test
  @Order(4)
  void readinessDropsWhenSocketModeLosesSlack() throws Exception {
    slack.close();
    HttpResponse<String> down =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> get(ManagementSettings.READY_PATH), r -> r.statusCode() == 503);
    assertThat(down.body()).contains("Socket Mode is not connected");
    assertThat(get(ManagementSettings.HEALTH_PATH).statusCode()).isEqualTo(200);
  }
}
