package dev.greenlight.bot.slack;

import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons and forms Greenlight did not make (an old card's control, a forged payload) are acked at
 * once, so Slack shows no generic error, and the clicker is told that nothing was done. The
 * patterns match exactly the IDs no other listener has, so they never shadow one.
 */
final class UnknownInteractions {
  static final String UNKNOWN_CONTROL =
      "This control is not one Greenlight knows (an older card, or not Greenlight's); nothing was"
          + " done.";

  private static final Logger log = LoggerFactory.getLogger(UnknownInteractions.class);

  private UnknownInteractions() {}

  /** Any ID except {@code known}. */
  static Pattern allBut(List<String> known) {
    StringBuilder alternatives = new StringBuilder();
    for (String id : known) {
      if (alternatives.length() > 0) {
        alternatives.append('|');
      }
      alternatives.append(Pattern.quote(id));
    }
    return Pattern.compile("^(?!(?:" + alternatives + ")$).*$", Pattern.DOTALL);
  }

  static BlockActionHandler action() {
    return (req, ctx) -> {
      var p = req.getPayload();
      log.info(
          "Acked an unknown action '{}' from {}",
          p.getActions().isEmpty() ? "" : p.getActions().get(0).getActionId(),
          p.getUser() == null ? "?" : p.getUser().getId());
      return new Answer.Privately(ctx, p).say(UNKNOWN_CONTROL);
    };
  }

  static ViewSubmissionHandler form() {
    return (req, ctx) -> {
      log.info(
          "Acked an unknown form '{}'; nothing was done",
          req.getPayload().getView().getCallbackId());
      return ctx.ack();
    };
  }
}
