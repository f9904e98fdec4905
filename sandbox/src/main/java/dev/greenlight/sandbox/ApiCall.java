package dev.greenlight.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * One Web API call the sandbox received.
 *
 * @param method Web API method name, e.g. {@code "chat.postMessage"} (or {@code "response_url"} for
 *     posts to a response_url)
 * @param params request parameters (form fields or top-level JSON fields; non-string JSON values
 *     are kept as JSON text). Tokens are redacted.
 * @param at when the call arrived
 */
public record ApiCall(String method, Map<String, String> params, Instant at) {

  /** Copies {@code params} into an unmodifiable map. */
  public ApiCall {
    params = Map.copyOf(params);
  }

  /** Returns the named parameter or {@code null}. */
  public String param(String name) {
    return params.get(name);
  }
}
