package dev.greenlight.bot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.greenlight.api.IncidentSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The App Home tab for one person: what waits for <em>their</em> approval first, then every other
 * open incident, each a line of {@link IncidentsView} with a link to its card.
 */
final class AppHomeView {
  /** Slack allows 100 blocks in a Home tab; each list keeps well under it. */
  static final int MAX_PER_LIST = 40;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private AppHomeView() {}

  static View view(
      String userId,
      List<IncidentSummary> open,
      Function<IncidentSummary, Optional<String>> link,
      long now) {
    List<IncidentSummary> mine =
        open.stream().filter(s -> s.waitingFor().contains(userId)).toList();
    List<IncidentSummary> others =
        open.stream().filter(s -> !s.waitingFor().contains(userId)).toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Waiting for your approval (" + mine.size() + ")"))));
    addLines(blocks, mine, link, now, "Nothing waits for you.");
    blocks.add(divider());
    blocks.add(header(h -> h.text(plainText("Other open incidents (" + others.size() + ")"))));
    addLines(blocks, others, link, now, "No other open incidents.");
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            "Updated "
                                + TIME.format(Instant.ofEpochMilli(now))
                                + " · `/remediate list` in any channel shows the same")))));
    return View.builder().type("home").blocks(blocks).build();
  }

  private static void addLines(
      List<LayoutBlock> blocks,
      List<IncidentSummary> list,
      Function<IncidentSummary, Optional<String>> link,
      long now,
      String none) {
    if (list.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("_" + none + "_"))));
      return;
    }
    for (IncidentSummary s : list.subList(0, Math.min(list.size(), MAX_PER_LIST))) {
      String line = IncidentsView.line(s, link.apply(s), now);
      blocks.add(section(x -> x.text(markdownText(SlackText.fit(line, SlackText.SECTION_TEXT)))));
    }
    if (list.size() > MAX_PER_LIST) {
      int more = list.size() - MAX_PER_LIST;
      blocks.add(
          context(
              c -> c.elements(List.of(markdownText("…and " + more + " more (/remediate list)")))));
    }
  }
}
