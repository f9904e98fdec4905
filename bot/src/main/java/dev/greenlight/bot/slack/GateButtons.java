package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import java.io.IOException;
import java.util.Optional;

/**
 * Approve and Snooze clicks: checked against the configuration, then signalled, then acked. The
 * workflow judges the click on its gate and redraws the card (buttons gone once the gate closed) or
 * tells the clicker privately why it did not count.
 */
final class GateButtons implements BlockActionHandler {
  static final String UNDELIVERED =
      ":warning: Greenlight cannot reach Temporal; nothing was decided. Please click again in a"
          + " moment.";

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
    Optional<CardRef> card = ClickedCard.of(p);
    Optional<Click> click =
        ButtonValue.decode(action.getValue())
            .filter(v -> card.isPresent())
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
                                action.getActionTs())
                            .onCard(card.get())));
    Answer answer = new Answer.Privately(ctx, p);
    return clicks.run(
        click,
        ClickPipeline.NOT_A_GREENLIGHT_BUTTON,
        answer,
        c -> clicks.signal(c, answer, UNDELIVERED));
  }
}
