package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class EscalationInBrowserIT extends BrowserFixture {

  @Test
  void aServiceThatStaysSickEscalatesToTheOnCallLead() throws Exception {
    actAs("alice");
    type("/remediate payments-api pods OOMKilled and restarting");
    String ts = awaitCard("Waiting for approval", "payments-api");

    // Alice asked for it; on the medium tier she may approve her own request.
    click(ts, Ids.APPROVE_ACTION);
    String thread = awaitReply(ts, "Verification failed");
    assertThat(thread).contains("escalating to @carol");
    assertThat(sandbox.demo().appliedActions()).isEqualTo(1);
    screenshot("sandbox-escalated-incident");
  }

  @Test
  void highRiskShowsTheConfirmDialogAndRefusesSelfApprovalPrivately() {
    actAs("alice");
    type("/remediate web-frontend error rate spiked right after the deploy");
    String ts = awaitCard("Waiting for approval", "web-frontend");

    click(ts, Ids.APPROVE_ACTION);
    waitFor(d -> d.findElement(By.cssSelector("[data-testid=confirm]")));
    assertThat(browser.findElement(By.cssSelector("[data-testid=confirm]")).getText())
        .contains("Approve a high-risk action?");
    browser.findElement(By.cssSelector("[data-testid=confirm-ok]")).click();
    assertThat(awaitEphemeral("needs someone else to approve")).isNotEmpty();
  }
}
