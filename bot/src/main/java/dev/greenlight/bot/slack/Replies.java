package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Private replies to a clicker, and the immediate "Processing…" edit of a card. */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private Replies() {}

  static void tell(Context ctx, BlockActionPayload p, String text) {
    tell(ctx, p.getChannel() == null ? null : p.getChannel().getId(), p.getUser().getId(), text);
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

  /** The card without its buttons, saying the decision is being processed. */
  static List<LayoutBlock> processingBlocks(List<LayoutBlock> card) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (LayoutBlock b : card) {
      if (!(b instanceof ActionsBlock a && Ids.GATE_BLOCK.equals(a.getBlockId()))) {
        blocks.add(b);
      }
    }
    blocks.add(
        context(x -> x.elements(List.of(markdownText(":hourglass_flowing_sand: Processing…")))));
    return blocks;
  }

  static void processing(Context ctx, BlockActionPayload p) {
    if (p.getMessage() == null || p.getChannel() == null) {
      return;
    }
    processing(ctx, p.getChannel().getId(), p.getMessage().getTs(), p.getMessage().getBlocks());
  }

  static void processing(Context ctx, String channel, String ts, List<LayoutBlock> card) {
    try {
      ctx.client()
          .chatUpdate(
              r -> r.channel(channel).ts(ts).text("Processing…").blocks(processingBlocks(card)));
    } catch (Exception e) {
      log.warn("Could not mark the card {} as processing: {}", ts, e.getMessage());
    }
  }
}
