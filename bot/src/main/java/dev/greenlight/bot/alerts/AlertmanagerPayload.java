package dev.greenlight.bot.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook body ({@code version: "4"}): {@code status}, {@code alerts[]} with {@code
 * status}, {@code labels} (with {@code alertname}), {@code annotations}, {@code startsAt}, {@code
 * endsAt} and {@code fingerprint}; {@code groupKey}, {@code receiver} and the common labels are not
 * needed. Anything else is refused as a whole, naming the field: nothing starts.
 */
final class AlertmanagerPayload {
  static final String SOURCE = "alertmanager";

  private AlertmanagerPayload() {}

  static List<Alert> parse(byte[] body) throws BadPayload {
    JsonNode root = JsonFields.parse(body);
    if (!root.isObject()) {
      throw new BadPayload("the body must be a JSON object (Alertmanager's webhook payload)");
    }
    JsonNode version = root.path("version");
    if (!version.isTextual() || !version.asText().equals("4")) {
      throw new BadPayload(
          "version must be \"4\" (Alertmanager's webhook format), got "
              + (version.isMissingNode() ? "none" : BadPayload.quote(version)));
    }
    JsonNode alerts = root.path("alerts");
    if (!alerts.isArray() || alerts.isEmpty()) {
      throw new BadPayload("alerts must be a non-empty array");
    }
    if (alerts.size() > JsonFields.MAX_ALERTS) {
      throw new BadPayload(
          "alerts has " + alerts.size() + " entries, at most " + JsonFields.MAX_ALERTS);
    }
    List<Alert> out = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      out.add(alert(alerts.get(i), "alerts[" + i + "]"));
    }
    return out;
  }

  private static Alert alert(JsonNode a, String at) throws BadPayload {
    if (!a.isObject()) {
      throw new BadPayload(at + " must be an object");
    }
    String status = JsonFields.text(a.path("status"), at + ".status");
    if (!status.equals("firing") && !status.equals("resolved")) {
      throw new BadPayload(
          at + ".status must be firing or resolved (got " + BadPayload.quote(status) + ")");
    }
    Map<String, String> labels = JsonFields.strings(a.path("labels"), at + ".labels");
    String name = labels.get("alertname");
    if (name == null || name.isBlank()) {
      throw new BadPayload(at + ".labels.alertname is required");
    }
    String fingerprint = JsonFields.optionalText(a.path("fingerprint"), at + ".fingerprint");
    if (fingerprint == null || fingerprint.isBlank()) {
      throw new BadPayload(at + ".fingerprint is required (Alertmanager 0.19 and later send it)");
    }
    long startsAt = JsonFields.time(a.path("startsAt"), at + ".startsAt");
    if (startsAt <= 0) {
      throw new BadPayload(at + ".startsAt must be a real time");
    }
    JsonNode ends = a.path("endsAt");
    long endsAt = ends.isMissingNode() || ends.isNull() ? 0 : JsonFields.time(ends, at + ".endsAt");
    return new Alert(
        SOURCE,
        status.equals("resolved"),
        name,
        labels,
        JsonFields.strings(a.path("annotations"), at + ".annotations"),
        fingerprint,
        startsAt,
        endsAt,
        null);
  }
}
