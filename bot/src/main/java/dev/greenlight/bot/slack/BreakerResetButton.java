package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Refusal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Reset breaker" on a card: someone who is no approver anywhere is told at once; anyone else's
 * click is signalled to the incident, which decides on its own state (an approver of this runbook,
 * its own card, a breaker holding it) and redraws the card, or tells the clicker why not. The
 * button's value only names the incident; nothing in the payload authorizes anything.
 */
final class BreakerResetButton implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(BreakerResetButton.class);

  private final Incidents incidents;
  private final ConfigApprovers approvers;

  BreakerResetButton(Incidents incidents, ConfigApprovers approvers) {
    this.incidents = incidents;
    this.approvers = approvers;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    BlockActionPayload.Action action = p.getActions().get(0);
    Answer answer = new Answer.Privately(ctx, p);
    Optional<CardRef> card = ClickedCard.of(p);
    Optional<ButtonValue> value = ButtonValue.decode(action.getValue());
    if (value.isEmpty() || card.isEmpty()) {
      return answer.say(ClickPipeline.NOT_A_GREENLIGHT_BUTTON);
    }
    String userId = p.getUser().getId();
    Optional<Refusal> refusal = approvers.check(userId);
    if (refusal.isPresent()) {
      log.info(
          "Breaker reset by {} on {} refused: not an approver", userId, value.get().workflowId());
      return answer.say(RefusalText.render(refusal.get()));
    }
    return switch (incidents.resetBreaker(
        value.get().workflowId(), userId, card.get(), action.getActionTs())) {
      case DELIVERED -> answer.done();
      case INCIDENT_CLOSED -> answer.say(ClickPipeline.INCIDENT_CLOSED);
      case UNREACHABLE -> answer.say(GateButtons.UNDELIVERED);
      case PENDING -> answer.say(ClickPipeline.PENDING);
    };
  }
}
