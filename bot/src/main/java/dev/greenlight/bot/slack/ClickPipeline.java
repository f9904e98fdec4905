package dev.greenlight.bot.slack;

import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Refusal;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every gate click takes: read, a local check against the configuration, then the click's
 * own step, usually {@link #signal}, and the ack. Nothing on this path reads from Temporal: the
 * signal is the durable record of the click, and the workflow judges it on its own state, answering
 * a refusal privately itself. Each handler only says how it reads its value, which decision it
 * makes, what it does once the check passes and how it answers.
 */
final class ClickPipeline {
  /** The answer to a button whose value Greenlight did not make. */
  static final String NOT_A_GREENLIGHT_BUTTON =
      "This button does not carry a Greenlight incident; nothing was done.";

  /** The answer to a click Temporal is slow to take: it is still being delivered. */
  static final String PENDING =
      ":hourglass: Temporal is slow to answer; your click is still being delivered. If the card"
          + " has not changed in a minute, click again (a person's approval counts once).";

  /** The answer to a click on an incident whose workflow has already ended. */
  static final String INCIDENT_CLOSED =
      "This incident is already closed; your click was not counted.";

  private static final Logger log = LoggerFactory.getLogger(ClickPipeline.class);

  /** What a click does once the bot's check let it through. */
  @FunctionalInterface
  interface Accepted {
    Response apply(Click click) throws IOException, SlackApiException;
  }

  private final Incidents incidents;
  private final ConfigApprovers approvers;

  ClickPipeline(Incidents incidents, ConfigApprovers approvers) {
    this.incidents = incidents;
    this.approvers = approvers;
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
   * Checks the clicker against the configuration. A refused click is noted in the incident's
   * timeline (in the background) and answered with the reason; any other goes on to {@code next}.
   */
  Response check(Click click, Answer answer, Accepted next) throws IOException, SlackApiException {
    Decision d = click.decision();
    Optional<Refusal> refusal = approvers.check(d.userId());
    if (refusal.isPresent()) {
      log.info(
          "Refused {} by {} on {}: {}",
          d.verdict(),
          d.userId(),
          click.workflowId(),
          refusal.get().reason());
      incidents.noteRefusal(click.workflowId(), d, refusal.get());
      return answer.say(RefusalText.render(refusal.get()));
    }
    return next.apply(click);
  }

  /**
   * What a click on an incident Temporal would not signal is told, after the ack: who decided it,
   * when it ended; that it was lost, when Temporal has no record of it (an in-memory server's
   * restart), and then the card it came from loses its buttons.
   */
  private String closedOrLost(Click click, Answer answer) {
    if (!incidents.unknown(click.workflowId())) {
      return closed(incidents.decidedBy(click.workflowId()));
    }
    log.warn("{} is not known to Temporal: lost with the server's memory", click.workflowId());
    String wf = click.workflowId();
    String incidentId = wf.startsWith("incident-") ? wf.substring(9) : wf;
    // Only a card that Slack stores as this incident's own is retired (and told as lost): a
    // button value alone could name any incident.
    boolean itsCard =
        click.decision().card() != null
            && answer.retireCardOf(click.decision().card(), incidentId, LostIncident.CARD_TEXT);
    return incidents.unknownText(incidentId, itsCard);
  }

  /** What a click on an ended incident is told: who decided, when the result says. */
  private static String closed(List<String> decidedBy) {
    return decidedBy.isEmpty()
        ? INCIDENT_CLOSED
        : RefusalText.render(new Refusal(Refusal.Reason.GATE_CLOSED, decidedBy));
  }

  /**
   * Sends the decision, then acks. The ack comes only after Temporal stored the signal, so a crash
   * in between leaves Slack to redeliver the click, and the workflow counts a click with the same
   * {@code clickId} once. A click on an ended incident is acked at once and told afterwards who
   * decided it (a read of the closed workflow's result, off the ack path).
   *
   * @param undelivered the answer when Temporal could not be reached
   */
  Response signal(Click click, Answer answer, String undelivered) {
    Decision d = click.decision();
    return switch (incidents.signal(click.workflowId(), d)) {
      case DELIVERED -> {
        log.info("{} by {} signalled to {}", d.verdict(), d.userId(), click.workflowId());
        yield answer.done();
      }
      case INCIDENT_CLOSED ->
          answer.sayAfterAck(() -> closedOrLost(click, answer), INCIDENT_CLOSED);
      case UNREACHABLE -> answer.say(undelivered);
      case PENDING -> answer.say(PENDING);
    };
  }
}
