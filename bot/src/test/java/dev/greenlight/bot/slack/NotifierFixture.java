package dev.greenlight.bot.slack;

import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.sandbox.SlackServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The real notifier and Slack SDK against the sandbox Slack server, without Temporal. */
abstract class NotifierFixture {
  static final String REQUESTER = "U0DAVE";
  static final String ON_CALL = "U0ONCALL";

  final SlackServer slack = SlackServer.start();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  SlackNotifier notifier(String fallbackChannel, Attempt attempt) {
    var methods = GreenlightApp.notificationSlack(slack.apiUrl()).methods(slack.botToken());
    return new SlackNotifier(
        methods, meters, new Fallback(methods, meters, fallbackChannel, ON_CALL), attempt);
  }

  static IncidentCard card(String incidentId) {
    Classification c =
        new Classification(
            "oom-killed",
            0.9,
            "restart-oom-pods",
            Risk.MEDIUM,
            "POST http://t/restart",
            "pods OOMKilled",
            "model-x");
    GateView gate =
        new GateView(
            GateState.OPEN,
            "nonce-1",
            1,
            true,
            REQUESTER,
            List.of("U0ALICE"),
            false,
            List.of(),
            null,
            null,
            0,
            1_700_000_000_000L,
            0);
    return new IncidentCard(
        incidentId, "incident-" + incidentId, "checkout-api", "pods dying", REQUESTER, c, gate);
  }

  static IncidentCard ended(String incidentId) {
    return card(incidentId).withOutcome(Outcome.RECOVERED, "HTTP 200");
  }

  /** An attempt that may follow a lost post, first tried at {@code firstTried} (epoch millis). */
  static Attempt retry(long firstTried) {
    return new Attempt() {
      @Override
      public boolean mayHavePostedBefore() {
        return true;
      }

      @Override
      public long firstTriedMillis() {
        return firstTried;
      }
    };
  }
}
