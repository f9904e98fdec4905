package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateView;
import java.io.IOException;
import java.util.Optional;

/**
 * Approve and Snooze clicks: checked on every click, then signalled. A click that closes the gate
 * removes the buttons at once ("Processing…"); the workflow then renders the final card.
 */
final class GateButtons implements BlockActionHandler {
  static final String UNDELIVERED =
      ":warning: Your click could not be delivered (Temporal is not reachable). "
          + "Nothing was decided; please click again.";

  private final ClickPipeline clicks;
  private final Decision.Verdict verdict;
  private final int snoozeMinutes;

  GateButtons(ClickPipeline clicks, Decision.Verdict verdict, int snoozeMinutes) {
    this.clicks = clicks;
    this.verdict = verdict;
    this.snoozeMinutes = snoozeMinutes;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx)
      throws IOException, SlackApiException {
    BlockActionPayload p = req.getPayload();
    BlockActionPayload.Action action = p.getActions().get(0);
    Optional<Click> click =
        ButtonValue.decode(action.getValue())
            .map(
                v ->
                    new Click(
                        v.workflowId(),
                        new Decision(
                            verdict,
                            p.getUser().getId(),
                            v.nonce(),
                            null,
                            snoozeMinutes,
                            action.getActionTs())));
    Answer answer = new Answer.Privately(ctx, p);
    return clicks.run(
        click,
        ClickPipeline.NOT_A_GREENLIGHT_BUTTON,
        answer,
        (c, gate) -> clicks.signal(c, answer, closesGate(gate), UNDELIVERED));
  }

  /** Whether this click closes the gate, as far as the queried gate tells. */
  private boolean closesGate(Optional<GateView> gate) {
    return verdict == Decision.Verdict.APPROVE
        && gate.map(GateView::lastApprovalMissing).orElse(false);
  }
}
