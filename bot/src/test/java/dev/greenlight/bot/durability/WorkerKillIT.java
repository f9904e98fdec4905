package dev.greenlight.bot.durability;

import static dev.greenlight.bot.e2e.TestConfig.ALICE;
import static dev.greenlight.bot.e2e.TestConfig.OOM_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A worker killed with SIGKILL while an incident waits at the gate loses nothing: a new worker
 * process picks the incident up and the approved remediation runs exactly once.
 */
class WorkerKillIT extends DurabilityFixture {

  @Test
  void aNewWorkerFinishesTheIncidentWithOneRemediationAfterTheOldOneIsKilledAtTheGate()
      throws Exception {
    String channel = "C0WORKERKILL1";
    Parked parked = parkIncident(channel, "checkout-api " + OOM_TEXT);
    GreenlightProcess worker = parked.worker();
    String incidentId = parked.incidentId();
    Message card = parked.card();

    // The worker dies without any chance to clean up, as with kill -9 or a lost node.
    worker.killHard();
    GreenlightProcess replacement = spawnWorker();
    awaitWorker(replacement);

    slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);

    assertCompletedOnce(channel, incidentId, "checkout-api");
  }

  /**
   * With no worker running, a click still only needs Temporal's server: the bot signals without
   * reading the gate first, and Temporal keeps the signal until a worker comes back.
   */
  @Test
  void anApprovalClickedWhileNoWorkerRunsIsKeptUntilANewWorkerStarts() throws Exception {
    String channel = "C0WORKERKILL2";
    Parked parked = parkIncident(channel, "search-api " + OOM_TEXT);
    GreenlightProcess worker = parked.worker();
    String incidentId = parked.incidentId();
    Message card = parked.card();

    worker.killHard();
    // With no worker running, the click must still be answered within Slack's three seconds and
    // its decision stored by Temporal as a signal, to be applied when a worker returns.
    SentEnvelope click = slack.clickButton(ALICE, card, Ids.APPROVE_ACTION);
    assertThat(click.ack())
        .as("Slack's 3 s ack deadline for the click")
        .succeedsWithin(Duration.ofSeconds(3));
    awaitUntil(
        "the click to be signalled or refused",
        () -> signalled(incidentId) || !slack.ephemerals(ALICE).isEmpty(),
        answered -> answered);
    assertThat(slack.ephemerals(ALICE)).as("what the bot told the approver").isEmpty();
    assertThat(signalled(incidentId)).isTrue();
    assertThat(actionsFor("search-api")).isEmpty();

    GreenlightProcess replacement = spawnWorker();
    awaitWorker(replacement);

    assertCompletedOnce(channel, incidentId, "search-api");
  }

  /** The incident recovered after exactly one remediation call, and its thread tells it once. */
  private void assertCompletedOnce(String channel, String incidentId, String service) {
    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies).hasSize(6);
    assertThat(replies.get(0)).startsWith("Classified as *oom-killed*");
    assertThat(replies.get(1)).startsWith("Waiting for approval");
    assertThat(replies.get(2)).isEqualTo("Approved by <@U0ALICE>.");
    assertThat(replies.get(3)).startsWith("Remediation started: POST");
    assertThat(replies.get(4)).isEqualTo("Remediation finished: HTTP 202.");
    assertThat(replies.get(5)).contains("Recovered");
    assertThat(replies.stream().filter(r -> r.startsWith("Remediation started"))).hasSize(1);

    List<RecordedRequest> actions = actionsFor(service);
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).getHeader("Idempotency-Key"))
        .isEqualTo("incident-" + incidentId + ":restart-oom-pods");
  }
}
