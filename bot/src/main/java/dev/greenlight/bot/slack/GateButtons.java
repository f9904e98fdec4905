package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Refusal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approve and Snooze clicks: checks the clicker on every click, then signals the workflow. A click
 * that closes the gate removes the buttons at once ("Processing…"); the workflow then renders the
 * final card.
 */
final class GateButtons implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(GateButtons.class);

  private final GateClient gates;
  private final Decision.Verdict verdict;
  private final int snoozeMinutes;

  GateButtons(GateClient gates, Decision.Verdict verdict, int snoozeMinutes) {
    this.gates = gates;
    this.verdict = verdict;
    this.snoozeMinutes = snoozeMinutes;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String user = p.getUser().getId();
    BlockActionPayload.Action action = p.getActions().get(0);
    Optional<ButtonValue> value = ButtonValue.decode(action.getValue());
    if (value.isEmpty()) {
      Replies.tell(ctx, p, "This button does not carry a Greenlight incident; nothing was done.");
      return ctx.ack();
    }
    Decision d =
        new Decision(verdict, user, value.get().nonce(), null, snoozeMinutes, action.getActionTs());
    Optional<GateView> view = gates.view(value.get().workflowId());
    Optional<Refusal> refusal = GateClient.precheck(view, d);
    if (refusal.isPresent()) {
      log.info(
          "Refused {} by {} on {}: {}",
          verdict,
          user,
          value.get().workflowId(),
          refusal.get().reason());
      Replies.tell(ctx, p, RefusalText.render(refusal.get()));
      gates.noteRefusal(value.get().workflowId(), d, refusal.get());
      return ctx.ack();
    }
    if (verdict == Decision.Verdict.APPROVE
        && view.map(GateView::lastApprovalMissing).orElse(false)) {
      Replies.processing(ctx, p);
    }
    try {
      gates.signal(value.get().workflowId(), d);
      log.info("{} by {} signalled to {}", verdict, user, value.get().workflowId());
    } catch (io.temporal.client.WorkflowNotFoundException e) {
      Replies.tell(ctx, p, "This incident is already closed; your click was not counted.");
    } catch (RuntimeException e) {
      log.error("Could not signal {} to {}", verdict, value.get().workflowId(), e);
      Replies.tell(
          ctx,
          p,
          ":warning: Your click could not be delivered (Temporal is not reachable). "
              + "Nothing was decided; please click again.");
    }
    return ctx.ack();
  }
}
