package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A newcomer opens #argo-gates-simulated in the sandbox page and approves the simulated Argo
 * workflow's suspend gate in the browser: the node is resumed and the workflow succeeds.
 */
class ArgoGateInBrowserIT extends BrowserFixture {

  @Test
  void bobApprovesTheSimulatedSuspendGateAndTheWorkflowSucceeds() throws Exception {
    actAs("bob");
    clickWhenStable(By.cssSelector("[data-channel-id=" + Sandbox.ARGO_CHANNEL + "]"));
    String ts = awaitCard("Argo suspend gate", "approve-rollout");
    assertThat(card(ts).getText())
        .contains("demo/release-checkout-2-8-0", "simulated by the sandbox", "Approve and resume");

    click(ts, Ids.APPROVE_ACTION);

    String thread = awaitReply(ts, "Argo workflow Succeeded");
    assertThat(thread).contains("Approved by @bob", "Resumed in Argo");
    waitFor(d -> card(ts).getText().contains("Resumed") ? true : null);
    assertThat(card(ts).findElements(By.cssSelector("[data-action-id=" + Ids.APPROVE_ACTION + "]")))
        .isEmpty();
    assertThat(sandbox.argo().puts()).hasSize(2);
    screenshot("sandbox-argo-gate-approved");
  }
}
