package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.AlertFacts;
import dev.greenlight.api.ArgoGateCards;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import dev.greenlight.api.ThreadUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thread reply is rendered from the lean card the workflow sends it ({@link
 * IncidentCard#forReply}) exactly as from the whole card, for every step; an Argo gate's card is
 * sent whole.
 */
class ThreadTextFromTheLeanCardTest {
  private static final List<ThreadUpdate.Step> STEPS = List.of(ThreadUpdate.Step.values());

  private static IncidentCard fullCard(Classification c) {
    GateView gate =
        new GateView(
            GateState.OPEN,
            "nonce-1",
            2,
            false,
            "U0REQ",
            List.of("U0REQ", "U0ALICE", "U0BOB"),
            false,
            List.of("U0ALICE"),
            null,
            null,
            0,
            1_700_000_000_000L,
            0);
    return new IncidentCard(
        "GL-1",
        "incident-GL-1",
        "checkout-api",
        "pods OOMKilled since 14:02, <!channel> *look* at https://grafana.example/d/x?token=s3cret",
        "U0REQ",
        c,
        gate,
        List.of(new RunbookChoice("restart-oom-pods", "oom-killed", Risk.MEDIUM)),
        null,
        null,
        new AlertFacts("alertmanager", "KubePodCrashLooping", "k1", 1_700_000_000_000L, null, 0),
        List.of(new Hold(Hold.Kind.FREEZE, "change freeze until Monday", 1_700_100_000_000L)));
  }

  private static Classification classification(String model) {
    return new Classification(
            "oom-killed",
            0.93,
            "restart-oom-pods",
            Risk.MEDIUM,
            "POST http://t/restart",
            "pods OOMKilled",
            model,
            "memory graph is a sawtooth",
            true,
            "llm mode",
            List.of(new Classification.Opinion("llm", "oom-killed", 0.99, "because")))
        .degrade("parts point elsewhere", 0.5);
  }

  private static ThreadUpdate update(ThreadUpdate.Step step) {
    return new ThreadUpdate(step, "U0ALICE", "POST http://t/restart?x=1", List.of("U0BOB"));
  }

  @Test
  void everyStepReadsTheSameFromTheLeanCard() {
    IncidentCard full = fullCard(classification("all-MiniLM-L6-v2-q"));
    IncidentCard lean = full.forReply();

    assertThat(lean.text()).isEmpty();
    assertThat(lean.choices()).isEmpty();
    assertThat(lean.holds()).isEmpty();
    assertThat(lean.alert()).isNull();
    assertThat(lean.classification().opinions()).isEmpty();
    assertThat(lean.classification().nearestExample()).isNull();
    for (ThreadUpdate.Step step : STEPS) {
      assertThat(ThreadText.render(lean, update(step)))
          .as(step.name())
          .isEqualTo(ThreadText.render(full, update(step)));
    }
    ThreadUpdate unknown = update(ThreadUpdate.Step.CLASSIFIED);
    IncidentCard unmatched =
        full.withClassification(
            new Classification(Classification.UNKNOWN, 0.2, null, null, null, null, "m"));
    assertThat(ThreadText.render(unmatched.forReply(), unknown))
        .isEqualTo(ThreadText.render(unmatched, unknown));
  }

  @Test
  void anArgoGatesCardIsSentWhole() {
    IncidentCard argo = fullCard(classification(ArgoGateCards.MODEL));

    assertThat(argo.forReply()).isSameAs(argo);
  }
}
