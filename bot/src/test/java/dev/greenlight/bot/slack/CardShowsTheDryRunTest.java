package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import dev.greenlight.api.ActionPreview;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card says what the action's dry run found, and the approve button says when it failed. */
class CardShowsTheDryRunTest {
  private static final Classification SCALE =
      new Classification(
          "traffic-spike",
          0.9,
          "scale-out",
          Risk.MEDIUM,
          "kubernetes scale deployment/checkout-api in shop",
          "latency up with traffic",
          "model-x");

  private static String cardJson(ActionPreview preview) {
    IncidentCard card =
        new IncidentCard(
            "GL-ABCDEFGH",
            "incident-GL-ABCDEFGH",
            "checkout-api",
            "slow",
            "U0DAVE",
            preview == null ? SCALE : SCALE.withPreview(preview),
            new GateView(
                GateState.OPEN,
                "nonce-1",
                1,
                true,
                "U0DAVE",
                List.of("U0ALICE"),
                false,
                List.of(),
                null,
                null,
                0,
                1_700_000_000_000L,
                0));
    return new GsonBuilder().disableHtmlEscaping().create().toJson(CardView.blocks(card));
  }

  @Test
  void aChangeIsShownInTheExecutorsWords() {
    String json = cardJson(ActionPreview.change("replicas 3 -> 6"));
    assertThat(json).contains("*What will change* (dry run)\\nreplicas 3 -&gt; 6");
    assertThat(json).contains("\"text\":\"Approve\"");
  }

  @Test
  void aRefusedDryRunWarnsAndRelabelsTheApproveButton() {
    String json =
        cardJson(ActionPreview.refused("deployments.apps \"checkout-api\" is forbidden <!here>"));
    assertThat(json).contains(":warning: *Dry run refused*", "it will likely fail the same way");
    assertThat(json).contains("\"text\":\"" + PreviewView.APPROVE_REFUSED + "\"");
    assertThat(json).doesNotContain("<!here>");
  }

  @Test
  void anUnavailablePreviewSaysSoWithoutWarningOff() {
    String json =
        cardJson(ActionPreview.unavailable("GET https://k8s.example/apis?token=s3cret timed out"));
    assertThat(json).contains("_Preview unavailable_").doesNotContain("s3cret");
    assertThat(json).contains("\"text\":\"Approve\"");
  }

  @Test
  void noPreviewNoSection() {
    assertThat(cardJson(null)).doesNotContain("dry run", "Preview");
  }
}
