package dev.greenlight.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.AlertFacts;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The metrics a thread reply feeds (gate outcomes and waits, incidents ended, approval to verified)
 * come out the same from the lean card the workflow sends a reply ({@link IncidentCard#forReply})
 * as from the whole card, for every step and gate state: the reply's card keeps what they read.
 */
class ObservedRepliesFromTheLeanCardTest {
  private static final long OPENED = ObservedNotificationsMetricsTest.OPENED;
  private static final CardRef REF = new CardRef("C1", "1.0");

  private final GreenlightConfig config = ConfigLoader.loadDemo();

  @Test
  void everyStepCountsTheSameFromTheLeanCard() {
    for (GateState state : GateState.values()) {
      for (ThreadUpdate.Step step : ThreadUpdate.Step.values()) {
        IncidentCard full = card(state);
        assertThat(meters(full.forReply(), step))
            .as(state + " " + step)
            .isEqualTo(meters(full, step));
      }
    }
  }

  /** Every meter a reply of {@code step} with {@code card} leaves, by name and tags. */
  private Map<String, String> meters(IncidentCard card, ThreadUpdate.Step step) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ObservedNotificationsMetricsTest.FakeAttempt attempt =
        new ObservedNotificationsMetricsTest.FakeAttempt();
    attempt.scheduled = OPENED + 600_000;
    new ObservedNotifications(new Silent(), config, registry, attempt)
        .postUpdate(REF, card, new ThreadUpdate(step, "U1", "detail", List.of("U2")));
    Map<String, String> out = new TreeMap<>();
    for (Meter m : registry.getMeters()) {
      String value =
          m instanceof Timer t
              ? t.count() + " / " + t.totalTime(TimeUnit.MILLISECONDS)
              : m instanceof Counter c ? Double.toString(c.count()) : m.getClass().getSimpleName();
      out.put(m.getId().getName() + m.getId().getTags(), value);
    }
    return out;
  }

  private IncidentCard card(GateState state) {
    GateView gate = ObservedNotificationsMetricsTest.gate(config, state, OPENED + 420_000);
    Classification c =
        new Classification(
            "oom-killed",
            0.9,
            "restart-oom-pods",
            Risk.MEDIUM,
            "POST x",
            "pods OOMKilled",
            "m",
            "because",
            false,
            null,
            List.of(new Classification.Opinion("llm", "oom-killed", 0.9, "why")));
    return new IncidentCard(
        "GL-TEST0001",
        "incident-GL-TEST0001",
        "checkout-api",
        "a long report",
        "U0",
        c,
        gate,
        List.of(new RunbookChoice("restart-oom-pods", "oom-killed", Risk.MEDIUM)),
        null,
        null,
        new AlertFacts("alertmanager", "KubePodCrashLooping", "k", OPENED, null, 0),
        List.of(new Hold(Hold.Kind.FREEZE, "freeze", OPENED + 1)));
  }

  /** A notifier that does nothing: only the wrapper's metrics are looked at. */
  private static final class Silent implements NotificationActivities {
    @Override
    public CardRef postCard(String channelId, IncidentCard card) {
      return REF;
    }

    @Override
    public void updateCard(CardRef card, IncidentCard content) {}

    @Override
    public void postUpdate(CardRef card, IncidentCard content, ThreadUpdate update) {}

    @Override
    public void tellUser(CardRef card, String userId, Refusal refusal) {}
  }
}
