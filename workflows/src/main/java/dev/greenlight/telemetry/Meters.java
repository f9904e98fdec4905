package dev.greenlight.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The names of Greenlight's own meters, in Micrometer's dotted form; the Prometheus registry writes
 * them with underscores and a unit suffix ({@code greenlight.gate.outcomes} becomes {@code
 * greenlight_gate_outcomes_total}). docs/operations.md lists them with their tags.
 *
 * <p>Parts built where no registry can be handed in (the activity implementations) count into
 * {@link #global()}, Micrometer's global composite; the process adds its Prometheus registry to it
 * at start and removes it at stop.
 */
public final class Meters {
  /** Counter, tag {@code route}: auto, human or unknown; counted when the first card is posted. */
  public static final String INCIDENTS_STARTED = "greenlight.incidents.started";

  /** Counter, tag {@code result}: what {@code /remediate} got from Temporal (bot side). */
  public static final String INCIDENTS_REQUESTED = "greenlight.incidents.requested";

  /** Counter, tag {@code outcome}: how incidents ended (the workflow's Outcome, lower case). */
  public static final String INCIDENTS_ENDED = "greenlight.incidents.ended";

  /** Counter, tag {@code outcome}: approved, auto_approved, rejected, expired, escalated... */
  public static final String GATE_OUTCOMES = "greenlight.gate.outcomes";

  /** Timer with a histogram, tag {@code outcome}: from the gate's opening to its decision. */
  public static final String GATE_WAIT = "greenlight.gate.wait";

  /** Timer with a histogram: from the gate's approval to the verified recovery. */
  public static final String APPROVAL_TO_VERIFIED = "greenlight.approval.to.verified";

  /** Timer, tags {@code matched}, {@code degraded}: one classification. */
  public static final String CLASSIFICATION = "greenlight.classification";

  /** Distribution summary (0..1), tags {@code matched}, {@code degraded}. */
  public static final String CLASSIFICATION_CONFIDENCE = "greenlight.classification.confidence";

  /** Counter, tags {@code kind}, {@code result}: one action attempt. */
  public static final String ACTION_RESULTS = "greenlight.action.results";

  /** Counter, tags {@code kind}, {@code result}: one verification attempt. */
  public static final String VERIFY_RESULTS = "greenlight.verify.results";

  /** Counter, tags {@code method}, {@code error} ({@code none} when ok): one Web API call. */
  public static final String SLACK_CALLS = "greenlight.slack.calls";

  /** Timer, tags {@code method}, {@code error}: one Web API call's duration. */
  public static final String SLACK_CALL_DURATION = "greenlight.slack.call.duration";

  /** Timer, tag {@code type}: from an interaction's arrival until the bot's ack. */
  public static final String SLACK_ACK = "greenlight.slack.ack";

  /** Counter, tags {@code reason}, {@code by} (bot or workflow): a click that did not count. */
  public static final String CLICKS_REFUSED = "greenlight.clicks.refused";

  /**
   * Counter, tag {@code outcome} (started, repeated, joined, resolved, held_back, unknown_service,
   * ignored): what became of each alert the receiver accepted.
   */
  public static final String ALERTS = "greenlight.alerts";

  /** Counter, tag {@code status} (400, 401, 413, 503): an alert request the receiver refused. */
  public static final String ALERTS_REFUSED = "greenlight.alerts.refused";

  private Meters() {}

  /** Micrometer's global composite registry. */
  public static MeterRegistry global() {
    return Metrics.globalRegistry;
  }

  /**
   * A tag value from an enum constant, a failure type or a code, in snake case: {@code
   * NOT_AN_APPROVER} and {@code ActionRefused} become {@code not_an_approver} and {@code
   * action_refused}; null becomes {@code none}.
   */
  public static String tag(Object value) {
    if (value == null) {
      return "none";
    }
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
        b.append('_');
      }
      b.append(c == '.' || c == '-' || c == ' ' ? '_' : Character.toLowerCase(c));
    }
    return b.toString();
  }
}
