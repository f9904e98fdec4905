package dev.greenlight.config;

import java.time.Duration;
import java.util.Map;

/**
 * A runbook action: one HTTP call whose URL and body are templates over validated incident fields
 * ({@code {service}} and {@code {incident}}) only.
 */
public record HttpAction(
    String method, String url, String body, Map<String, String> headers, Duration timeout)
    implements ActionSpec {
  public static final String TYPE = "http";

  public HttpAction {
    headers = Map.copyOf(headers);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** A one-line description for the card, e.g. {@code POST http://host/restart?service=x}. */
  @Override
  public String describe(Map<String, String> vars) {
    return method + " " + Template.renderUrl(url, vars);
  }
}
