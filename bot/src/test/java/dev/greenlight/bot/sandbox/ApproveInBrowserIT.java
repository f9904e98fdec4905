package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import org.junit.jupiter.api.Test;

class ApproveInBrowserIT extends BrowserFixture {

  @Test
  void aliceReportsBobApprovesAndTheThreadFillsToRecovered() throws Exception {
    actAs("alice");
    type("/remediate checkout-api pods OOMKilled and restarting since 14:02");
    awaitEphemeral("started");
    String ts = awaitCard("Waiting for approval", "checkout-api");
    assertThat(card(ts).getText()).contains("oom-killed", "medium", "Approve", "Reject");

    actAs("bob");
    click(ts, Ids.APPROVE_ACTION);

    String thread = awaitReply(ts, "Recovered");
    assertThat(thread).contains("Approved by @bob", "Remediation started", "Remediation finished");
    waitFor(d -> card(ts).getText().contains("Approved by @bob") ? true : null);
    assertThat(
            card(ts)
                .findElements(
                    org.openqa.selenium.By.cssSelector(
                        "[data-action-id=" + Ids.APPROVE_ACTION + "]")))
        .isEmpty();
    screenshot("sandbox-approved-incident");
  }
}
