package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How a runbook verifies recovery ({@code type: http}): GET {@code url} until it answers {@code
 * expectStatus} or {@code timeout} passes, every {@code interval}.
 *
 * @param url an http(s) URL template
 * @param expectStatus the status that means recovered, 100 to 599
 * @param timeout how long to keep asking, at most 50 minutes
 * @param interval the pause between two requests, at most a minute and at most {@code timeout}
 */
public record Probe(String url, int expectStatus, Duration timeout, Duration interval)
    implements VerifySpec {
  public static final String TYPE = "http";
  public static final int DEFAULT_EXPECT_STATUS = 200;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  public Probe {
    Check.httpUrl("url", url);
    Check.between("expect-status", expectStatus, 100, 599);
    Check.duration("timeout", timeout, Duration.ofMinutes(50), "50m");
    Check.duration("interval", interval, Duration.ofMinutes(1), "1m");
    if (interval.compareTo(timeout) > 0) {
      throw new Invalid("interval", " must not be longer than ", "timeout");
    }
  }

  /** The probe a {@code verify} mapping describes, with the defaults for what it leaves out. */
  @JsonCreator
  static Probe fromFile(
      @JsonProperty("url") String url,
      @JsonProperty("expect-status") Integer expectStatus,
      @JsonProperty("timeout") Duration timeout,
      @JsonProperty("interval") Duration interval) {
    return new Probe(
        url,
        expectStatus == null ? DEFAULT_EXPECT_STATUS : expectStatus,
        timeout == null ? DEFAULT_TIMEOUT : timeout,
        interval == null ? DEFAULT_INTERVAL : interval);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
