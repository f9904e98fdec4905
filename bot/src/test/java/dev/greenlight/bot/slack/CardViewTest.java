package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.google.gson.GsonBuilder;
import dev.greenlight.activities.Classification;
import dev.greenlight.activities.IncidentCard;
import dev.greenlight.config.Risk;
import dev.greenlight.workflows.GateState;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardViewTest {
  private static final Classification OOM = new Classification("oom-killed", 0.873, "restart-oom-pods", Risk.MEDIUM,
      "POST http://t/restart?service=checkout-api", "pods OOMKilled", "model-x");
  private static final IncidentCard OPEN = new IncidentCard("GL-ABCDEFGH", "incident-GL-ABCDEFGH", "checkout-api",
      "pods *dying* <!here>", "U0DAVE", OOM, GateState.OPEN, "nonce-1", List.of("U0ALICE"), null, 0);

  private static String json(List<LayoutBlock> blocks) {
    return new GsonBuilder().disableHtmlEscaping().create().toJson(blocks);
  }

  @Test
  void openGateShowsClassificationAndBothButtonsCarryingTheNonce() {
    String json = json(CardView.blocks(OPEN));
    assertThat(json).contains("oom-killed", "87%", "medium", "restart-oom-pods", "POST http://t/restart",
        Ids.APPROVE_ACTION, Ids.REJECT_ACTION, "nonce-1", "incident-GL-ABCDEFGH", "\"primary\"", "\"danger\"");
    assertThat(json).doesNotContain("<!here>", "*dying*").contains("&lt;!here&gt;");
  }

  @Test
  void closedGatesHaveNoButtonsAndSayWhoAndWhen() {
    IncidentCard approved = OPEN.withGate(GateState.APPROVED, null, "U0ALICE", 1_700_000_000_000L);
    assertThat(json(CardView.blocks(approved))).doesNotContain(Ids.APPROVE_ACTION)
        .contains("Approved by <@U0ALICE> at 22:13 UTC");
    IncidentCard expired = OPEN.withGate(GateState.EXPIRED, null, null, 1_700_000_000_000L);
    assertThat(json(CardView.blocks(expired))).doesNotContain(Ids.APPROVE_ACTION).contains("nothing was run");
  }
}
