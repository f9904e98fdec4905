package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.slack.api.model.block.LayoutBlock;
import dev.greenlight.api.Classification;
import dev.greenlight.api.GateState;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardViewTest {
  private static final Classification OOM =
      new Classification(
          "oom-killed",
          0.873,
          "restart-oom-pods",
          Risk.MEDIUM,
          "POST http://t/restart?service=checkout-api",
          "pods OOMKilled",
          "model-x");
  private static final IncidentCard OPEN =
      new IncidentCard(
          "GL-ABCDEFGH",
          "incident-GL-ABCDEFGH",
          "checkout-api",
          "pods *dying* <!here>",
          "U0DAVE",
          OOM,
          gate(GateState.OPEN, "nonce-1", List.of(), null, 0));

  private static GateView gate(
      GateState state, String nonce, List<String> approvals, String rejectedBy, long at) {
    return new GateView(
        state,
        nonce,
        1,
        true,
        "U0DAVE",
        List.of("U0ALICE", "U0BOB"),
        false,
        approvals,
        rejectedBy,
        rejectedBy == null ? null : "change freeze *now*",
        at,
        1_700_000_000_000L,
        0);
  }

  private static String json(List<LayoutBlock> blocks) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(blocks);
  }

  @Test
  void openGateShowsClassificationAndBothButtonsCarryingTheNonce() {
    String json = json(CardView.blocks(OPEN));
    assertThat(json)
        .contains(
            "oom-killed",
            "87%",
            "medium",
            "restart-oom-pods",
            "POST http://t/restart",
            Ids.APPROVE_ACTION,
            Ids.REJECT_ACTION,
            "nonce-1",
            "incident-GL-ABCDEFGH",
            "\"primary\"",
            "\"danger\"");
    assertThat(json).doesNotContain("<!here>", "*dying*").contains("&lt;!here&gt;");
  }

  @Test
  void closedGatesHaveNoButtonsAndSayWhoWhenAndWhy() {
    IncidentCard approved =
        OPEN.withGate(gate(GateState.APPROVED, null, List.of("U0ALICE"), null, 1_700_000_000_000L));
    assertThat(json(CardView.blocks(approved)))
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("Approved by <@U0ALICE> at 22:13 UTC");
    IncidentCard rejected =
        OPEN.withGate(gate(GateState.REJECTED, null, List.of(), "U0BOB", 1_700_000_000_000L));
    assertThat(json(CardView.blocks(rejected)))
        .doesNotContain(Ids.REJECT_ACTION)
        .contains("Rejected by <@U0BOB> at 22:13 UTC: change freeze ∗now∗ — nothing was run");
    IncidentCard expired =
        OPEN.withGate(gate(GateState.EXPIRED, null, List.of(), null, 1_700_000_000_000L));
    assertThat(json(CardView.blocks(expired)))
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("nothing was run");
  }

  @Test
  void highRiskApproveAsksForConfirmationAndQuorumProgressIsShown() {
    Classification high =
        new Classification(
            "bad-deploy",
            0.9,
            "rollback-deploy",
            Risk.HIGH,
            "POST http://t/rollback?service=checkout-api",
            "5xx after deploy",
            "model-x");
    GateView halfway =
        new GateView(
            GateState.OPEN,
            "n",
            2,
            false,
            "U0DAVE",
            List.of("U0ALICE", "U0BOB"),
            false,
            List.of("U0ALICE"),
            null,
            null,
            0,
            1_700_000_000_000L,
            0);
    String json =
        json(
            CardView.blocks(
                new IncidentCard(
                    "GL-ABCDEFGH",
                    "incident-GL-ABCDEFGH",
                    "checkout-api",
                    "errors after deploy",
                    "U0DAVE",
                    high,
                    halfway)));
    assertThat(json)
        .contains(
            "\"confirm\"",
            "Approve a high-risk action?",
            "1 of 2 approvals",
            "approved by <@U0ALICE>",
            "the requester cannot approve",
            Ids.SNOOZE_30_ACTION);
    assertThat(json(CardView.blocks(OPEN))).doesNotContain("\"confirm\"");
  }
}
