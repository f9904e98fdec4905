package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Refusal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbook menu and the Close button of an incident that matched nothing. The chosen runbook ID
 * comes from the click; the workflow accepts it only if it is in the catalog snapshot.
 */
final class PickActions implements BlockActionHandler {
  static final String CLOSE_REASON = "closed: no runbook fits this incident";
  private static final Logger log = LoggerFactory.getLogger(PickActions.class);

  private final GateClient gates;
  private final boolean close;

  PickActions(GateClient gates, boolean close) {
    this.gates = gates;
    this.close = close;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    BlockActionPayload.Action action = p.getActions().get(0);
    String raw =
        close || action.getSelectedOption() == null
            ? action.getValue()
            : action.getSelectedOption().getValue();
    Optional<ButtonValue> value = ButtonValue.decode(raw);
    if (value.isEmpty() || (!close && value.get().runbookId() == null)) {
      Replies.tell(ctx, p, "This menu does not carry a Greenlight incident; nothing was done.");
      return ctx.ack();
    }
    ButtonValue v = value.get();
    Decision d =
        close
            ? new Decision(
                Decision.Verdict.REJECT,
                p.getUser().getId(),
                v.nonce(),
                CLOSE_REASON,
                0,
                action.getActionTs())
            : new Decision(
                Decision.Verdict.PICK,
                p.getUser().getId(),
                v.nonce(),
                null,
                0,
                action.getActionTs(),
                v.runbookId());
    Optional<Refusal> refusal = GateClient.precheck(gates.view(v.workflowId()), d);
    if (refusal.isPresent()) {
      Replies.tell(ctx, p, RefusalText.render(refusal.get()));
      gates.noteRefusal(v.workflowId(), d, refusal.get());
      return ctx.ack();
    }
    Replies.processing(ctx, p);
    try {
      gates.signal(v.workflowId(), d);
      log.info("{} by {} signalled to {}", d.verdict(), d.userId(), v.workflowId());
    } catch (RuntimeException e) {
      log.error("Could not signal {} to {}", d.verdict(), v.workflowId(), e);
      Replies.tell(
          ctx,
          p,
          ":warning: Your choice could not be delivered (Temporal is not reachable). Please try again.");
    }
    return ctx.ack();
  }
}
