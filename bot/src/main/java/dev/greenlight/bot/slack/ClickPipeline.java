package dev.greenlight.bot.slack;

import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateCheck;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Refusal;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every gate click takes: read, check on the queried gate, note and answer a refusal, then
 * the click's own step, usually {@link #signal}. Each handler only says how it reads its value,
 * which decision it makes, what it does once the check passes and how it answers.
 */
final class ClickPipeline {
  /** The answer to a button whose value Greenlight did not make. */
  static final String NOT_A_GREENLIGHT_BUTTON =
      "This button does not carry a Greenlight incident; nothing was done.";

  /** The answer to a click on an incident whose workflow has already ended. */
  static final String INCIDENT_CLOSED =
      "This incident is already closed; your click was not counted.";

  private static final Logger log = LoggerFactory.getLogger(ClickPipeline.class);

  /** What a click does once the bot's check let it through. */
  @FunctionalInterface
  interface Accepted {
    Response apply(Click click, Optional<GateView> gate) throws IOException, SlackApiException;
  }

  private final Incidents incidents;

  ClickPipeline(Incidents incidents) {
    this.incidents = incidents;
  }

  /** Answers {@code notOurs} when the click could not be read, and checks it otherwise. */
  Response run(Optional<Click> click, String notOurs, Answer answer, Accepted next)
      throws IOException, SlackApiException {
    if (click.isEmpty()) {
      return answer.say(notOurs);
    }
    return check(click.get(), answer, next);
  }

  /**
   * Checks the click on the queried gate. A refused click is noted in the incident's timeline and
   * answered with the reason; any other goes on to {@code next}.
   */
  Response check(Click click, Answer answer, Accepted next) throws IOException, SlackApiException {
    Optional<GateView> gate = incidents.gate(click.workflowId());
    Optional<Refusal> refusal = precheck(gate, click.decision());
    if (refusal.isPresent()) {
      Decision d = click.decision();
      log.info(
          "Refused {} by {} on {}: {}",
          d.verdict(),
          d.userId(),
          click.workflowId(),
          refusal.get().reason());
      incidents.noteRefusal(click.workflowId(), d, refusal.get());
      return answer.say(RefusalText.render(refusal.get()));
    }
    return next.apply(click, gate);
  }

  /**
   * Sends the decision, first showing "Processing…" when {@code closesGate}: the edit must come
   * before the signal, or it could overwrite the final card the workflow draws.
   *
   * @param undelivered the answer when Temporal could not be reached
   */
  Response signal(Click click, Answer answer, boolean closesGate, String undelivered) {
    if (closesGate) {
      answer.processing();
    }
    Decision d = click.decision();
    return switch (incidents.signal(click.workflowId(), d)) {
      case DELIVERED -> {
        log.info("{} by {} signalled to {}", d.verdict(), d.userId(), click.workflowId());
        yield answer.done();
      }
      case INCIDENT_CLOSED -> answer.say(INCIDENT_CLOSED);
      case UNREACHABLE -> answer.say(undelivered);
    };
  }

  /**
   * Why the click cannot count, judged on the queried gate with the workflow's own rule. A user
   * missing from the approvers is let through when approvers come from user groups: membership may
   * have changed, and the workflow looks it up again. Without a gate (no worker answered) nothing
   * is refused here.
   */
  static Optional<Refusal> precheck(Optional<GateView> gate, Decision d) {
    if (gate.isEmpty()) {
      return Optional.empty();
    }
    Optional<Refusal> r = GateCheck.check(gate.get(), d);
    if (r.isPresent()
        && r.get().reason() == Refusal.Reason.NOT_AN_APPROVER
        && gate.get().viaGroups()) {
      return Optional.empty();
    }
    return r;
  }
}
