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
 * The runbook menu and the Close button of an incident that matched nothing. The chosen runbook ID
 * comes from the click; the workflow accepts it only if it is in the catalog snapshot.
 */
final class PickActions implements BlockActionHandler {
  static final String CLOSE_REASON = "closed: no runbook fits this incident";
  static final String NOT_OURS =
      "This menu does not carry a Greenlight incident; nothing was done.";
  static final String UNDELIVERED =
      ":warning: Greenlight cannot reach Temporal; nothing was picked. Please try again in a moment.";

  private final ClickPipeline clicks;
  private final boolean close;

  PickActions(ClickPipeline clicks, boolean close) {
    this.clicks = clicks;
    this.close = close;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx)
      throws IOException, SlackApiException {
    BlockActionPayload p = req.getPayload();
    BlockActionPayload.Action action = p.getActions().get(0);
    String raw =
        close || action.getSelectedOption() == null
            ? action.getValue()
            : action.getSelectedOption().getValue();
    Optional<CardRef> card = ClickedCard.of(p);
    Optional<Click> click =
        ButtonValue.decode(raw)
            .filter(v -> card.isPresent() && (close || v.runbookId() != null))
            .map(
                v ->
                    new Click(
                        v.workflowId(),
                        decision(p.getUser().getId(), v, action).onCard(card.get())));
    Answer answer = new Answer.Privately(ctx, p);
    // The workflow takes the menu away once the choice counted.
    return clicks.run(click, NOT_OURS, answer, c -> clicks.signal(c, answer, UNDELIVERED));
  }

  private Decision decision(String user, ButtonValue v, BlockActionPayload.Action action) {
    return close
        ? new Decision(
            Decision.Verdict.REJECT, user, v.nonce(), CLOSE_REASON, 0, action.getActionTs())
        : new Decision(
            Decision.Verdict.PICK, user, v.nonce(), null, 0, action.getActionTs(), v.runbookId());
  }
}
