package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The page's App Home tab in real Chromium: the approver opens Greenlight's Home and sees what
 * waits for their approval (the real Bolt app answered {@code app_home_opened} with {@code
 * views.publish}), and switching users shows the other approver's own published Home.
 */
class AppHomeInBrowserIT extends BrowserFixture {

  @Test
  void theHomeTabShowsWhatWaitsForTheViewersApproval() {
    actAs("alice");
    type("/remediate search-api container killed with exit code 137 out of memory");
    awaitCard("Waiting for approval", "search-api");

    actAs("carol");
    clickWhenStable(By.cssSelector("[data-testid=app-home]"));
    String home =
        waitFor(
            d -> {
              String t = d.findElement(By.cssSelector("[data-testid=home-tab]")).getText();
              return t.contains("Waiting for your approval (1)") ? t : null;
            });
    assertThat(home).contains("search-api");
    assertThat(browser.findElement(By.cssSelector("[data-testid=composer]")).isDisplayed())
        .isFalse();

    // Switching users opens the Home tab as the other approver: the app publishes theirs.
    actAs("bob");
    String bobs =
        waitFor(
            d -> {
              String t = d.findElement(By.cssSelector("[data-testid=home-tab]")).getText();
              return t.contains("Waiting for your approval (1)") ? t : null;
            });
    assertThat(bobs).contains("search-api");
    assertThat(sandbox.slack().homeTab("U0BOB")).isPresent();

    clickWhenStable(By.cssSelector("[data-channel-id]"));
    awaitCard("Waiting for approval", "search-api");
  }
}
