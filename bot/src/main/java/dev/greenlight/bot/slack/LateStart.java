package dev.greenlight.bot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the person, through the command's {@code response_url}, how a start that outlasted the ack
 * ended: started (or already started: a redelivery), or not, with nothing started.
 */
final class LateStart {
  private static final Logger log = LoggerFactory.getLogger(LateStart.class);

  private LateStart() {}

  static void tell(
      SlashCommandContext ctx,
      CompletableFuture<Boolean> start,
      String incidentId,
      String started) {
    start.thenAccept(
        went -> {
          String text =
              went
                  ? started
                  : ":warning: Greenlight could not start incident "
                      + incidentId
                      + " (Temporal did not take it); nothing was started. Please run the command"
                      + " again.";
          try {
            ctx.respond(text);
          } catch (Exception e) {
            log.warn("Could not tell how the start of {} ended: {}", incidentId, e.getMessage());
          }
        });
  }
}
