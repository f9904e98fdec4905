package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.CardRef;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.Hold;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.IncidentSummary.Phase;
import dev.greenlight.api.Risk;
import dev.greenlight.config.ConfigLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@code list} and {@code status} are read from the command text, and how a line reads. */
class ListAndStatusTest {
  private final CommandParser parser = new CommandParser(ConfigLoader.loadDemo());

  @Test
  void listAndStatusAreCommandsAndABadIdIsNamed() {
    assertThat(parser.parse("list")).isEqualTo(new ParsedCommand.Overview());
    assertThat(parser.parse("  LIST ")).isEqualTo(new ParsedCommand.Overview());
    assertThat(parser.parse("status gl-ab12cd34"))
        .isEqualTo(new ParsedCommand.Status("GL-AB12CD34"));
    assertThat(((ParsedCommand.Invalid) parser.parse("status <!channel>")).message())
        .contains("Usage: `/remediate status GL-XXXXXXXX`", "&lt;!CHANNEL&gt;");
    assertThat(((ParsedCommand.Invalid) parser.parse("status")).message())
        .endsWith("(the incident ID from its card).");
  }

  private static IncidentSummary waiting(List<String> approvals, List<Hold> holds) {
    GateView gate =
        new GateView(
            GateState.OPEN,
            "n",
            2,
            false,
            "U0ALICE",
            List.of("U0ALICE", "U0BOB", "U0CAROL"),
            false,
            approvals,
            null,
            null,
            0,
            0,
            0);
    return new IncidentSummary(
        "GL-AB12CD34",
        "incident-GL-AB12CD34",
        "checkout-api",
        "U0ALICE",
        1_000_000,
        Phase.WAITING_FOR_APPROVAL,
        gate,
        "rollback-deploy",
        Risk.HIGH,
        new CardRef("C0INC", "1.2"),
        holds,
        null);
  }

  @Test
  void aLineSaysWhomItWaitsForItsAgeAndItsHoldsWithALink() {
    IncidentSummary s =
        waiting(List.of("U0BOB"), List.of(new Hold(Hold.Kind.BREAKER, "3 failed", 0)));
    assertThat(s.waitingFor()).containsExactly("U0CAROL");
    String line =
        IncidentsView.line(
            s, Optional.of("https://x/archives/C0INC/p12"), 1_000_000 + 125 * 60_000);
    assertThat(line)
        .isEqualTo(
            "*<https://x/archives/C0INC/p12|GL-AB12CD34>* `checkout-api` · waiting for approval"
                + " from <@U0CAROL> (1 of 2) · 2 h 5 min · :octagonal_sign: breaker");
  }

  @Test
  void theHomeTabPutsWhatWaitsForTheViewerFirst() {
    IncidentSummary forCarol = waiting(List.of("U0BOB"), List.of());
    String blocks =
        AppHomeView.view("U0CAROL", List.of(forCarol), s -> Optional.empty(), 2_000_000)
            .getBlocks()
            .toString();
    assertThat(blocks.indexOf("Waiting for your approval (1)"))
        .isLessThan(blocks.indexOf("GL-AB12CD34"));
    String bobs =
        AppHomeView.view("U0BOB", List.of(forCarol), s -> Optional.empty(), 2_000_000)
            .getBlocks()
            .toString();
    assertThat(bobs).contains("Waiting for your approval (0)", "Nothing waits for you.");
    assertThat(bobs.indexOf("Other open incidents (1)")).isLessThan(bobs.indexOf("GL-AB12CD34"));
  }
}
