package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import dev.greenlight.api.AlertFacts;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import dev.greenlight.api.ThreadUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alert's card and thread: the source, the hint marked as evidence, the resolution, escaped. */
class AlertCardTest {
  private static final long STARTS = 1_700_000_000_000L; // 22:13 UTC
  private static final AlertFacts ALERT =
      new AlertFacts("alertmanager", "PodsOOM <!channel>", "fp@1", STARTS, "restart-oom-pods", 0);
  private static final Classification OOM =
      new Classification(
          "oom-killed", 0.9, "restart-oom-pods", Risk.MEDIUM, "POST http://t/r", null, "m");

  private static GateView gate(GateState state, long at) {
    return new GateView(
        state,
        state == GateState.OPEN ? "n" : null,
        1,
        true,
        "alertmanager",
        List.of("U0ALICE"),
        false,
        List.of(),
        null,
        null,
        at,
        STARTS + 3_600_000,
        0);
  }

  private static IncidentCard card(GateState state, AlertFacts alert, long at) {
    return new IncidentCard(
            "GL-ABCDEFGH",
            "incident-GL-ABCDEFGH",
            "checkout-api",
            "PodsOOM: *bold* <@U0EVIL>",
            "alertmanager",
            OOM,
            gate(state, at))
        .withAlert(alert);
  }

  private static String json(IncidentCard card) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(CardView.blocks(card));
  }

  @Test
  void theCardNamesTheSourceAndMarksTheHintAsEvidence() {
    String json = json(card(GateState.OPEN, ALERT, 0));
    assertThat(json)
        .contains(
            "Reported by *Alertmanager*: alert `PodsOOM &lt;!channel&gt;` firing since 22:13 UTC")
        .contains(
            "Runbook hint from the alert config: `restart-oom-pods`", "the gate still decides")
        .contains("&lt;@U0EVIL&gt;")
        .doesNotContain("<!channel>", "<@U0EVIL>", "Reported by someone", "resolved on its own");
  }

  @Test
  void aResolvedAlertShowsOnTheCardAndItsOutcome() {
    long ends = STARTS + 7 * 60_000;
    IncidentCard closed =
        card(GateState.RESOLVED, ALERT.resolvedAt(ends), ends)
            .withOutcome(Outcome.RESOLVED, "the alert resolved on its own at 22:20 UTC");
    assertThat(json(closed))
        .contains("The alert resolved on its own at 22:20 UTC.")
        .contains("Resolved on its own at 22:20 UTC — nothing was run")
        .contains("*Resolved on its own*, nothing was run");
    assertThat(CardView.fallback(closed)).contains("Resolved on its own");
  }

  @Test
  void alertThreadUpdatesAreEscaped() {
    IncidentCard c = card(GateState.OPEN, ALERT, 0);
    assertThat(
            ThreadText.render(
                c,
                new ThreadUpdate(ThreadUpdate.Step.ALSO_FIRING, null, "X <!here> on checkout-api")))
        .isEqualTo(":bell: Also firing: X &lt;!here&gt; on checkout-api.");
    assertThat(
            ThreadText.render(
                c, new ThreadUpdate(ThreadUpdate.Step.ALERT_RESOLVED, null, "at 22:20 UTC")))
        .isEqualTo(":large_green_circle: The alert resolved on its own at 22:20 UTC.");
  }
}
