package dev.greenlight.api;

/**
 * What a person asked for with {@code /remediate}.
 *
 * @param incidentId short human ID, also the workflow ID's suffix
 * @param service a service from the catalog (validated before the workflow starts)
 * @param text the reporter's own words: untrusted, never executed, escaped when shown
 * @param requesterId Slack user ID of the person who typed the command
 * @param channelId where the incident card is posted
 * @param policy the policy in force at the start
 * @param alert the alert that started the incident, or null for {@code /remediate}
 */
public record IncidentRequest(
    String incidentId,
    String service,
    String text,
    String requesterId,
    String channelId,
    PolicySnapshot policy,
    AlertFacts alert) {

  /** An incident a person reported with {@code /remediate}. */
  public IncidentRequest(
      String incidentId,
      String service,
      String text,
      String requesterId,
      String channelId,
      PolicySnapshot policy) {
    this(incidentId, service, text, requesterId, channelId, policy, null);
  }
}
