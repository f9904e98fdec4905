package dev.greenlight.api;

import java.util.List;

/**
 * Greenlight's custom search attributes (all Keyword), upserted by incidents when {@code
 * visibility.search-attributes} is on, so that Temporal's visibility can filter incidents: {@code
 * temporal workflow list --query "GreenlightGateState='OPEN' AND
 * GreenlightService='checkout-api'"}.
 */
public final class SearchAttributeNames {
  public static final String SERVICE = "GreenlightService";
  public static final String RISK = "GreenlightRisk";
  public static final String GATE_STATE = "GreenlightGateState";
  public static final String REQUESTER = "GreenlightRequester";

  public static final List<String> ALL = List.of(SERVICE, RISK, GATE_STATE, REQUESTER);

  private SearchAttributeNames() {}
}
