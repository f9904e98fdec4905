package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.workflows.Decision;
import dev.greenlight.workflows.GateState;
import dev.greenlight.workflows.GateView;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approve and Reject clicks: checks the clicker on every click, then signals the workflow. The
 * workflow checks again and updates the card; this class never edits cards itself.
 */
final class GateButtons implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(GateButtons.class);

  private final GreenlightConfig config;
  private final WorkflowClient temporal;
  private final Decision.Verdict verdict;

  GateButtons(GreenlightConfig config, WorkflowClient temporal, Decision.Verdict verdict) {
    this.config = config;
    this.temporal = temporal;
    this.verdict = verdict;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String user = p.getUser().getId();
    String channel = p.getChannel() == null ? null : p.getChannel().getId();
    Optional<ButtonValue> value = ButtonValue.decode(p.getActions().get(0).getValue());
    String refusal = value.isEmpty() ? "This button does not carry a Greenlight incident; nothing was done."
        : refusal(user, value.get());
    if (refusal != null) {
      log.info("Refused {} by {}: {}", verdict, user, refusal);
      tell(ctx, channel, user, refusal);
      return ctx.ack();
    }
    ButtonValue v = value.get();
    try {
      temporal.newWorkflowStub(RemediationWorkflow.class, v.workflowId()).decide(new Decision(verdict, user, v.nonce()));
      log.info("{} by {} signalled to {}", verdict, user, v.workflowId());
    } catch (RuntimeException e) {
      log.error("Could not signal {} to {}", verdict, v.workflowId(), e);
      tell(ctx, channel, user, ":warning: Your decision could not be delivered (Temporal not reachable). "
          + "Nothing was decided; please click again.");
    }
    return ctx.ack();
  }

  /** Why this click is refused, or null. Checked on every click, not only when the card is drawn. */
  private String refusal(String user, ButtonValue v) {
    if (!config.isApprover(user)) {
      return "You are not an approver for Greenlight incidents, so your click was not counted. Approvers: "
          + String.join(", ", config.approvers().stream().map(SlackText::mention).toList()) + ".";
    }
    GateView gate;
    try {
      gate = temporal.newWorkflowStub(RemediationWorkflow.class, v.workflowId()).gate();
    } catch (RuntimeException e) {
      return "This incident is no longer known to Greenlight (" + SlackText.escape(e.getClass().getSimpleName())
          + "); nothing was done.";
    }
    if (gate.state() != GateState.OPEN) {
      String by = gate.decidedBy() == null ? "" : " by " + SlackText.mention(gate.decidedBy());
      return "This gate is already closed (" + gate.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + by + "); nothing was done.";
    }
    if (!gate.nonce().equals(v.nonce())) {
      return "This card is out of date (its gate was replaced); use the latest card.";
    }
    return null;
  }

  private static void tell(ActionContext ctx, String channel, String user, String text) {
    try {
      if (channel != null) {
        ctx.client().chatPostEphemeral(r -> r.channel(channel).user(user).text(text));
      } else {
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
      }
    } catch (Exception e) {
      log.warn("Could not tell {} about their click: {}", user, e.getMessage());
    }
  }
}
