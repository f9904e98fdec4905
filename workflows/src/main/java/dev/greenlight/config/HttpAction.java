package dev.greenlight.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A runbook action of {@code type: http}: one HTTP call whose URL and body are templates over
 * validated incident fields ({@code {service}} and {@code {incident}}) only. A null component takes
 * the default, as an absent key does: method {@code POST}, no body, no headers, a 30 second
 * timeout.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param url an http(s) URL template
 * @param body a body template, empty for none
 * @param headers extra request headers; {@code Idempotency-Key} is Greenlight's
 * @param timeout the call's timeout, at most 4 minutes
 */
public record HttpAction(
    String method, String url, String body, Map<String, String> headers, Duration timeout)
    implements ActionSpec {
  public static final String TYPE = "http";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(4);
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  public HttpAction {
    method =
        Check.oneOf("method", method == null ? "POST" : method.toUpperCase(Locale.ROOT), METHODS);
    url = Check.httpUrl("url", url);
    body = Check.template("body", body == null ? "" : body);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    for (String h : headers.keySet()) {
      Invalid.require(
          !h.equalsIgnoreCase("Idempotency-Key"),
          "headers",
          ": Idempotency-Key is set by Greenlight and cannot be configured");
    }
    timeout =
        Check.duration("timeout", timeout == null ? DEFAULT_TIMEOUT : timeout, MAX_TIMEOUT, "4m");
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
