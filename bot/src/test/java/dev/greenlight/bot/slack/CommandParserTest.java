package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class CommandParserTest {
  private final CommandParser parser = new CommandParser(ConfigLoader.loadDemo());

  @Test
  void serviceAndDescriptionAreSplitAtTheFirstSpace() {
    assertThat(parser.parse("  Checkout-API   pods OOMKilled since 14:02 "))
        .isEqualTo(new ParsedCommand.Start("checkout-api", "pods OOMKilled since 14:02"));
  }

  @Test
  void blankAndHelpAskForUsage() {
    assertThat(parser.parse("")).isInstanceOf(ParsedCommand.Help.class);
    assertThat(parser.parse(null)).isInstanceOf(ParsedCommand.Help.class);
    assertThat(parser.parse("HELP")).isInstanceOf(ParsedCommand.Help.class);
  }

  @Test
  void unknownServiceIsNamedEscapedAndListsTheKnownOnes() {
    ParsedCommand.Invalid invalid = (ParsedCommand.Invalid) parser.parse("<!channel> is down");
    assertThat(invalid.message()).contains("Unknown service `&lt;!channel&gt;`", "`checkout-api`");
    assertThat(invalid.message()).doesNotContain("<!channel>");
  }

  @Test
  void missingOrOverlongDescriptionIsExplained() {
    assertThat(((ParsedCommand.Invalid) parser.parse("checkout-api")).message())
        .contains("Say what is wrong");
    String longText = "checkout-api " + "x".repeat(CommandParser.MAX_DESCRIPTION + 1);
    assertThat(((ParsedCommand.Invalid) parser.parse(longText)).message())
        .contains("keep it under 2000");
  }

  @Test
  void aDescriptionOfOnlyControlOrInvisibleCharactersAsksWhatIsWrong() {
    assertThat(parser.parse("checkout-api \u0000\u0007\u001b\u200b\u2060"))
        .isInstanceOfSatisfying(
            ParsedCommand.Invalid.class,
            i -> assertThat(i.message()).startsWith("Say what is wrong with `checkout-api`"));
    assertThat(parser.parse("checkout-api pods\u0000 OOMKilled"))
        .isEqualTo(new ParsedCommand.Start("checkout-api", "pods OOMKilled"));
  }
}
