package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Temporal visibility (key {@code visibility}).
 *
 * @param searchAttributes whether incidents upsert Greenlight's custom search attributes ({@code
 *     GreenlightService}, {@code GreenlightRisk}, {@code GreenlightGateState}, {@code
 *     GreenlightRequester}); they must be registered on the server first (the embedded and
 *     dev-server ones are registered at start)
 */
public record VisibilitySettings(boolean searchAttributes) {
  public static final VisibilitySettings DEFAULT = new VisibilitySettings(false);

  @JsonCreator
  static VisibilitySettings fromFile(@JsonProperty("search-attributes") Boolean searchAttributes) {
    return new VisibilitySettings(searchAttributes != null && searchAttributes);
  }
}
