package dev.greenlight.config;

import java.time.Duration;

/**
 * How a runbook verifies recovery: GET {@code url} until it answers {@code expectStatus} or {@code
 * timeout} passes, every {@code interval}.
 */
public record Probe(String url, int expectStatus, Duration timeout, Duration interval)
    implements VerifySpec {
  public static final String TYPE = "http";

  @Override
  public String type() {
    return TYPE;
  }
}
