package dev.greenlight.bot.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.bot.e2e.DemoTargets;
import dev.greenlight.bot.e2e.TestConfig;
import dev.greenlight.bot.e2e.TestDirs;
import dev.greenlight.bot.ops.LogFormat;
import dev.greenlight.bot.ops.ManagementSettings;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SlackServer;
import dev.greenlight.telemetry.LogContext;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code greenlight run} as an operator starts it with {@code GREENLIGHT_LOG_FORMAT=json}: after an
 * incident, every line of its output is one JSON object, the incident's lines carry its IDs from
 * the logging context, on the bot's side and the worker's, and no token is in the output.
 */
class JsonLogsIT {
  static final Duration PATIENCE = Duration.ofSeconds(90);

  @Test
  void everyLineIsAJsonObjectAndTheIncidentsLinesNameIt() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (SlackServer slack = SlackServer.start();
        DemoTargets targets = new DemoTargets()) {
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_BOT_TOKEN", slack.botToken());
      env.put("SLACK_APP_TOKEN", slack.appToken());
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put(
          "GREENLIGHT_CONFIG",
          TestConfig.write(TestDirs.directory("greenlight-json"), targets.baseUrl(), "1h")
              .toString());
      env.put(LogFormat.VARIABLE, "json");
      env.put(ManagementSettings.PORT_VARIABLE, "0");
      String incidentId;
      List<String> lines;
      try (GreenlightProcess run = GreenlightProcess.start("json-logs", env, "run")) {
        run.awaitLog("Worker polling task queue", PATIENCE);
        assertThat(slack.awaitConnected(PATIENCE)).as(run.describe()).isTrue();
        String ack =
            slack
                .sendSlashCommand(
                    "U0DAVE", "C0JSON", "/remediate", "checkout-api " + TestConfig.OOM_TEXT)
                .ack()
                .get(30, TimeUnit.SECONDS)
                .payload()
                .path("text")
                .asText();
        incidentId = ack.replaceAll("(?s).*Incident (GL-[A-Z0-9]+).*", "$1");
        Message card =
            await()
                .atMost(PATIENCE)
                .until(
                    () -> slack.messages("C0JSON"),
                    m -> !m.isEmpty() && m.get(0).blocks().toString().contains(Ids.APPROVE_ACTION))
                .get(0);
        slack.clickButton(TestConfig.ALICE, card, Ids.APPROVE_ACTION);
        run.awaitLog("answered HTTP 202", PATIENCE);
        lines = Files.readAllLines(run.log());
      }

      assertThat(lines).isNotEmpty();
      List<JsonNode> events = new ArrayList<>();
      for (String line : lines) {
        JsonNode e = json.readTree(line);
        assertThat(e.isObject()).as(line).isTrue();
        assertThat(e.path("timestamp").asText()).as(line).isNotEmpty();
        assertThat(e.path("level").asText()).as(line).isNotEmpty();
        assertThat(e.path("logger").asText()).as(line).isNotEmpty();
        events.add(e);
      }
      List<JsonNode> incident =
          events.stream()
              .filter(e -> incidentId.equals(e.path(LogContext.INCIDENT_ID).asText()))
              .toList();
      assertThat(incident)
          .allSatisfy(
              e ->
                  assertThat(e.path(LogContext.WORKFLOW_ID).asText())
                      .isEqualTo("incident-" + incidentId));
      assertThat(incident)
          .extracting(e -> e.path("message").asText())
          .anySatisfy(m -> assertThat(m).contains("started by U0DAVE"))
          .anySatisfy(m -> assertThat(m).contains("answered HTTP 202"));
      String all = String.join("\n", lines);
      assertThat(all).doesNotContain(slack.botToken(), slack.appToken());
    }
  }
}
