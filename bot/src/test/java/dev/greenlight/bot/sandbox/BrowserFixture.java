package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.e2e.TestDirs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox as a newcomer sees it: the whole loop on 127.0.0.1 and its chat page in real headless
 * Chromium (Debian's chromium and chromium-driver, installed by .ci/run).
 *
 * <p>Without Chromium (a machine with only a JDK and Maven) the tests are skipped with the reason;
 * with {@code GREENLIGHT_REQUIRE_BROWSER=true} (set by .ci/run) a missing browser fails them. The
 * system properties {@code greenlight.chromium} and {@code greenlight.chromedriver} name the
 * binaries; by default they are {@code chromium} and {@code chromedriver} on the {@code PATH}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserFixture {
  static final Path CHROMIUM = locate("greenlight.chromium", "chromium");
  static final Path CHROMEDRIVER = locate("greenlight.chromedriver", "chromedriver");
  static final Duration PATIENCE = Duration.ofSeconds(40);

  /** Set by .ci/run: there, a missing browser is a failure rather than a skip. */
  static final String REQUIRE_BROWSER = "GREENLIGHT_REQUIRE_BROWSER";

  Sandbox sandbox;
  WebDriver browser;

  /** Why this machine cannot run the browser tests, or null. */
  String missing;

  @BeforeAll
  void startSandboxAndBrowser() throws Exception {
    missing = missingBrowser();
    if (missing != null && Boolean.parseBoolean(System.getenv(REQUIRE_BROWSER))) {
      throw new AssertionError(
          missing + ", and " + REQUIRE_BROWSER + "=true requires the browser tests (see .ci/run)");
    }
    if (missing != null) {
      return; // each test is skipped with the reason, in skipWithoutBrowser
    }
    sandbox = Sandbox.start(0);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + TestDirs.directory("greenlight-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.get(sandbox.url());
    waitFor(d -> d.findElement(By.cssSelector("[data-testid=composer]")));
  }

  /** Reported per test (an assumption in @BeforeAll would hide the reason from the report). */
  @BeforeEach
  void skipWithoutBrowser() {
    Assumptions.assumeTrue(
        missing == null,
        () ->
            "Browser test skipped: "
                + missing
                + " (apt-get install chromium chromium-driver to run it; "
                + REQUIRE_BROWSER
                + "=true makes this a failure)");
  }

  /** Why the browser tests cannot run here, or null when Chromium and its driver are present. */
  static String missingBrowser() {
    for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(binary)) {
        return binary.isAbsolute()
            ? "no executable " + binary
            : "no " + binary + " on the PATH (" + System.getenv("PATH") + ")";
      }
    }
    return null;
  }

  /**
   * The binary named by the system property {@code property}, else the first executable {@code
   * name} on the PATH, else the bare {@code name} (which {@link #missingBrowser} reports).
   */
  private static Path locate(String property, String name) {
    String configured = System.getProperty(property);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) {
          Path candidate = Path.of(dir, name);
          if (Files.isExecutable(candidate)) {
            return candidate;
          }
        }
      }
    }
    return Path.of(name);
  }

  @AfterAll
  void stopBrowserAndSandbox() {
    if (browser != null) {
      browser.quit();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(browser, PATIENCE)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  void actAs(String name) {
    new Select(browser.findElement(By.cssSelector("[data-testid=user-switcher]")))
        .selectByVisibleText(
            browser
                .findElement(By.cssSelector("[data-testid=user-switcher]"))
                .findElements(By.tagName("option"))
                .stream()
                .map(WebElement::getText)
                .filter(t -> t.startsWith(name))
                .findFirst()
                .orElseThrow());
  }

  void type(String text) {
    WebElement composer = browser.findElement(By.cssSelector("[data-testid=composer]"));
    composer.clear();
    composer.sendKeys(text, Keys.ENTER);
  }

  /**
   * The ts of the newest top-level message whose text contains all of {@code texts}; read inside
   * the wait, because the page re-renders on every change.
   */
  String awaitCard(String... texts) {
    return waitFor(
        d -> {
          List<WebElement> all = d.findElements(By.cssSelector("[data-testid=message]"));
          for (int i = all.size() - 1; i >= 0; i--) {
            String text = all.get(i).getText();
            if (java.util.Arrays.stream(texts).allMatch(text::contains)) {
              return all.get(i).getAttribute("data-ts");
            }
          }
          return null;
        });
  }

  /** Re-finds the card by its ts (the page re-renders on every change). */
  WebElement card(String ts) {
    return browser.findElement(By.cssSelector("[data-testid=message][data-ts='" + ts + "']"));
  }

  void click(String ts, String actionId) {
    clickWhenStable(
        By.cssSelector(
            "[data-testid=message][data-ts='"
                + ts
                + "'] [data-testid=button][data-action-id="
                + actionId
                + "]"));
  }

  /**
   * Finds and clicks in one step, again until it works: the page re-renders on every change, so an
   * element found a moment before the click may be gone by then (a stale element reference).
   */
  void clickWhenStable(By element) {
    waitFor(
        d -> {
          d.findElement(element).click();
          return true;
        });
  }

  /** Expands the card's thread and waits for a reply containing {@code text}. */
  String awaitReply(String ts, String text) {
    return waitFor(
        d -> {
          WebElement c = card(ts);
          if (c.findElements(By.cssSelector("[data-testid=reply]")).isEmpty()) {
            c.findElements(By.cssSelector("[data-testid=thread-toggle]"))
                .forEach(WebElement::click);
          }
          String thread = c.getText();
          return thread.contains(text) ? thread : null;
        });
  }

  String awaitEphemeral(String text) {
    return waitFor(
        d ->
            d.findElements(By.cssSelector("[data-testid=ephemeral]")).stream()
                .map(WebElement::getText)
                .filter(t -> t.contains(text))
                .findFirst()
                .orElse(null));
  }

  /** Saves a screenshot under target/ and checks that it shows something (not a blank page). */
  Path screenshot(String name) throws Exception {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Path file = Path.of("target", name + ".png");
    Files.createDirectories(file.getParent());
    Files.write(file, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("distinct colours in %s", file).isGreaterThan(20);
    return file;
  }
}
