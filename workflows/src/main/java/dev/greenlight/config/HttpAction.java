package dev.greenlight.config;

import java.time.Duration;
import java.util.Map;

/**
 * A runbook action: one HTTP call whose URL and body are templates over validated incident fields
 * ({@code {service}} and {@code {incident}}) only.
 */
public record HttpAction(
    String method, String url, String body, Map<String, String> headers, Duration timeout) {
  public HttpAction {
    headers = Map.copyOf(headers);
  }

  /** A one-line description for the card, e.g. {@code POST http://host/restart?service=x}. */
  public String describe(Map<String, String> vars) {
    return method + " " + Template.renderUrl(url, vars);
  }
}
