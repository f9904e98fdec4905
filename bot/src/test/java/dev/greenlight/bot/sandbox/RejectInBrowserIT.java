package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.slack.Ids;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class RejectInBrowserIT extends BrowserFixture {

  @Test
  void rejectAsksForAReasonInAModalAndTheCardSaysWhy() {
    actAs("alice");
    type("/remediate search-api container killed with exit code 137 out of memory");
    String ts = awaitCard("Waiting for approval", "search-api");

    actAs("carol");
    click(ts, Ids.REJECT_ACTION);
    WebElement modal = waitFor(d -> d.findElement(By.cssSelector("[data-testid=modal]")));
    assertThat(modal.getText()).contains("Reject remediation", "Reason");
    modal.findElement(By.cssSelector("[data-testid=modal-submit]")).click();
    waitFor(
        d ->
            d.findElement(By.cssSelector("[data-testid=modal]")).getText().contains("Say why")
                ? true
                : null);

    WebElement reason =
        browser.findElement(
            By.cssSelector(
                "[data-testid=modal] textarea[data-block-id="
                    + Ids.REASON_BLOCK
                    + "], [data-testid=modal] input[data-block-id="
                    + Ids.REASON_BLOCK
                    + "]"));
    reason.sendKeys("change freeze until 18:00");
    browser.findElement(By.cssSelector("[data-testid=modal-submit]")).click();
    waitFor(d -> d.findElements(By.cssSelector("[data-testid=modal]")).isEmpty() ? true : null);

    String thread = awaitReply(ts, "Rejected by @carol");
    assertThat(thread).contains("change freeze until 18:00", "Nothing was run");
    assertThat(sandbox.demo().appliedActions()).isZero();
  }
}
