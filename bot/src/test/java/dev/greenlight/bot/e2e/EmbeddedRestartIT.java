package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.Greenlight;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SlackServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code greenlight run} with its embedded, in-memory Temporal is restarted while an incident waits
 * at the gate: the incident is gone with the server's memory. A click on its card says so (not
 * "already closed"), how to run durably, and takes the card's buttons away; the audit says the
 * same. Nothing runs.
 */
class EmbeddedRestartIT {
  private final SlackServer slack = SlackServer.start();
  private final DemoTargets targets;
  private Greenlight greenlight;

  EmbeddedRestartIT() throws Exception {
    targets = new DemoTargets();
  }

  @AfterEach
  void stop() throws Exception {
    if (greenlight != null) {
      greenlight.close();
    }
    targets.close();
    slack.close();
  }

  private Greenlight start(Map<String, String> env) throws Exception {
    Greenlight g = Greenlight.start(Greenlight.Mode.RUN, env, (Path) null);
    await().atMost(Duration.ofSeconds(30)).until(() -> slack.connectionCount() > 0);
    return g;
  }

  @Test
  void aClickAfterTheRestartSaysTheIncidentWasLostAndRetiresTheCard() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_APP_TOKEN", slack.appToken());
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("GREENLIGHT_MANAGEMENT_PORT", "0");
    Path dir = TestDirs.directory("greenlight-restart");
    env.put("GREENLIGHT_CONFIG", TestConfig.write(dir, targets.baseUrl(), "1h").toString());
    greenlight = start(env);
    String channel = "C0RESTART";
    String id =
        incidentId(
            slack
                .sendSlashCommand("U0DAVE", channel, "/remediate", "checkout-api " + OOM_TEXT)
                .ack()
                .get(10, TimeUnit.SECONDS)
                .payload()
                .path("text")
                .asText());
    Message card =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> slack.messages(channel),
                m -> !m.isEmpty() && m.get(0).blocks().toString().contains(Ids.APPROVE_ACTION))
            .get(0);

    greenlight.close();
    greenlight = null;
    await().atMost(Duration.ofSeconds(30)).until(() -> slack.connectionCount() == 0);
    greenlight = start(env);

    slack.clickButton(ALICE, card, Ids.APPROVE_ACTION).ack().get(10, TimeUnit.SECONDS);
    String told =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> slack.ephemerals(ALICE), m -> !m.isEmpty())
            .get(0)
            .text();
    assertThat(told)
        .contains(id, "was lost", "in memory", "TEMPORAL_ADDRESS", "--db-filename")
        .doesNotContain("already closed");
    Message retired =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> slack.message(channel, card.ts()).orElseThrow(),
                m -> !m.blocks().toString().contains(Ids.APPROVE_ACTION));
    assertThat(retired.text()).contains("This incident was lost");

    String audit =
        slack
            .sendSlashCommand("U0DAVE", "C0OTHER", "/remediate", "audit " + id)
            .ack()
            .get(10, TimeUnit.SECONDS)
            .payload()
            .path("text")
            .asText();
    assertThat(audit)
        .contains("No incident " + id + " is known", "it was lost with it", "TEMPORAL_ADDRESS");
    assertThat(targets.actions).isEmpty();
  }

  private static String incidentId(String startedAnswer) {
    return startedAnswer.replaceAll("(?s).*Incident (GL-[A-Z0-9]+).*", "$1");
  }
}
