package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The card Slack would refuse ({@code invalid_blocks}) is never sent: every text is fitted to
 * Slack's limits as sent, after escaping, with a visible mark where it was cut; what a URL may
 * carry as a secret is hidden; the outcome is shown once the incident ended.
 */
class CardFitsSlackLimitsTest {
  private static final Classification OOM =
      new Classification(
          "oom-killed",
          0.9,
          "restart-oom-pods",
          Risk.HIGH,
          "POST https://ops:hunter2@hooks.example.com/restart?service=checkout-api&token=s3cr3t",
          "pods OOMKilled",
          "model-x");

  private static IncidentCard card(String text, GateView gate) {
    return new IncidentCard(
        "GL-ABCDEFGH", "incident-GL-ABCDEFGH", "checkout-api", text, "U0DAVE", OOM, gate);
  }

  private static GateView open() {
    return new GateView(
        GateState.OPEN,
        "nonce-1",
        2,
        false,
        "U0DAVE",
        List.of("U0ALICE", "U0DAVE", "U0BOB"),
        false,
        List.of("U0ALICE"),
        null,
        null,
        0,
        1_700_000_000_000L,
        0);
  }

  private static List<String> texts(IncidentCard card) {
    JsonElement blocks =
        JsonParser.parseString(new com.google.gson.Gson().toJson(CardView.blocks(card)));
    List<String> out = new java.util.ArrayList<>();
    collect(blocks, out);
    return out;
  }

  private static void collect(JsonElement e, List<String> out) {
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> collect(x, out));
    } else if (e.isJsonObject()) {
      var o = e.getAsJsonObject();
      if (o.has("text") && o.get("text").isJsonPrimitive()) {
        out.add(o.get("text").getAsString());
      }
      o.entrySet().forEach(x -> collect(x.getValue(), out));
    }
  }

  @Test
  void aDescriptionThatEscapesPastASectionsLimitIsCutVisibly() {
    List<String> texts = texts(card("&\n".repeat(2000), open()));

    assertThat(texts).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(3000));
    assertThat(texts).anySatisfy(t -> assertThat(t).endsWith(SlackText.TRUNCATED));
  }

  @Test
  void theProposedActionNeverShowsUrlSecrets() {
    String all = String.join("\n", texts(card("pods dying", open())));

    assertThat(all).doesNotContain("hunter2", "s3cr3t").contains("hooks.example.com/restart");
  }

  @Test
  void theRequesterIsNotAmongThoseTheCardWaitsFor() {
    String status = CardView.status(card("pods dying", open()));

    assertThat(status).startsWith("Waiting for approval from <@U0BOB>").doesNotContain("U0DAVE>,");
  }

  @Test
  void anEndedIncidentShowsItsOutcomeNotOnlyTheDecision() {
    IncidentCard escalated =
        card("pods dying", open()).withOutcome(Outcome.ESCALATED, "probe still answered 503");

    assertThat(String.join("\n", texts(escalated)))
        .contains("Escalated to on-call", "probe still answered 503");
    assertThat(String.join("\n", texts(card("pods dying", open())))).doesNotContain("Escalated");
  }
}
