package dev.greenlight.bot.alerts;

import dev.greenlight.api.IntakeAlert;
import dev.greenlight.api.IntakeAnswer;
import dev.greenlight.api.IntakeBatch;
import dev.greenlight.bot.slack.AlertIncidents;
import dev.greenlight.config.AlertSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each request's alerts to the alert intake, the workflow that decides storm control: a
 * firing alert starts its incident, unless that firing already has one (a repeat: nothing), its
 * service already has {@code max-open-per-service} open alert incidents (it joins the oldest one's
 * thread) or {@code max-open} are open in all (it is held back, in the intake's audit, and summed
 * up in the channel). A resolved alert is told to its own incident, or the incident it joined.
 *
 * <p>Only the alerts naming no catalog service are decided here: they are reported, never sent. The
 * intake decides one delivery at a time for every replica, so two replicas receiving alerts for one
 * service at the same instant open one incident.
 */
final class AlertRouter {
  /** At most this many alerts go to the intake in one update (each carries its policy). */
  static final int BATCH = 20;

  private static final Logger log = LoggerFactory.getLogger(AlertRouter.class);

  /** What became of the alerts of one request. */
  record Counts(
      int started,
      int repeated,
      int joined,
      int resolved,
      int heldBack,
      int unknown,
      int ignored) {}

  private final AlertMapping mapping;
  private final AlertSettings settings;
  private final AlertIncidents incidents;
  private final ChannelNotices notices;
  private final Clock clock;

  AlertRouter(
      AlertMapping mapping,
      AlertSettings settings,
      AlertIncidents incidents,
      ChannelNotices notices,
      Clock clock) {
    this.mapping = mapping;
    this.settings = settings;
    this.incidents = incidents;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Routes one request's alerts, in order.
   *
   * @throws dev.greenlight.bot.slack.TemporalUnreachable when Temporal could not be asked (the
   *     sender should retry: Alertmanager does on a 5xx)
   */
  Counts route(List<Alert> alerts) {
    int[] n = new int[IntakeAnswer.Verdict.values().length];
    int unknown = 0;
    List<Alert> sent = new ArrayList<>();
    List<IntakeAlert> batch = new ArrayList<>();
    for (Alert a : alerts) {
      AlertMapping.Service service = mapping.service(a);
      if (!service.known()) {
        if (!a.resolved()) {
          notices.unknownService(a, service);
        }
        unknown++;
        continue;
      }
      String svc = service.value();
      sent.add(a);
      batch.add(
          new IntakeAlert(
              AlertMapping.incidentId(a),
              AlertMapping.note(a, svc, clock.millis()),
              a.resolved() ? null : mapping.request(a, svc)));
    }
    for (int from = 0; from < batch.size(); from += BATCH) {
      int to = Math.min(batch.size(), from + BATCH);
      IntakeAnswer answer =
          incidents.deliver(
              new IntakeBatch(
                  batch.subList(from, to), settings.maxOpenPerService(), settings.maxOpen()));
      for (int i = 0; i < answer.decisions().size(); i++) {
        IntakeAnswer.Decision d = answer.decisions().get(i);
        Alert a = sent.get(from + i);
        n[d.verdict().ordinal()]++;
        switch (d.verdict()) {
          case HELD_BACK ->
              notices.heldBack(a, batch.get(from + i).note().service(), answer.openNow());
          case STARTED -> log.info("Alert {} started incident {}", a.logName(), d.incidentId());
          case JOINED -> log.info("Alert {} joined incident {}", a.logName(), d.target());
          default -> {}
        }
      }
    }
    notices.summarize();
    return new Counts(
        n[IntakeAnswer.Verdict.STARTED.ordinal()],
        n[IntakeAnswer.Verdict.REPEATED.ordinal()],
        n[IntakeAnswer.Verdict.JOINED.ordinal()],
        n[IntakeAnswer.Verdict.RESOLVED.ordinal()],
        n[IntakeAnswer.Verdict.HELD_BACK.ordinal()],
        unknown,
        n[IntakeAnswer.Verdict.IGNORED.ordinal()]);
  }
}
