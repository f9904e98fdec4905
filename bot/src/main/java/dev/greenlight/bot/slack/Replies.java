package dev.greenlight.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.Context;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private replies to a clicker. The bot never edits a card itself: the workflow draws every state
 * of it, so no edit of the bot's can land after (and overwrite) the workflow's.
 */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  /** Replies computed after the ack (they may read Temporal); daemon threads, created as needed. */
  private static final ExecutorService LATER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "greenlight-reply");
            t.setDaemon(true);
            return t;
          });

  private Replies() {}

  static void tell(Context ctx, BlockActionPayload p, String text) {
    tell(ctx, p.getChannel() == null ? null : p.getChannel().getId(), p.getUser().getId(), text);
  }

  /** Tells the clicker {@code text} in the background, so the click is acked without waiting. */
  static void tellLater(Context ctx, BlockActionPayload p, Supplier<String> text) {
    LATER.execute(() -> tell(ctx, p, text.get()));
  }

  static void tell(Context ctx, String channel, String user, String text) {
    if (channel == null) {
      log.warn("No channel to tell {} that: {}", user, text);
      return;
    }
    try {
      ctx.client().chatPostEphemeral(r -> r.channel(channel).user(user).text(text));
    } catch (Exception e) {
      log.warn("Could not tell {} about their click: {}", user, e.getMessage());
    }
  }
}
