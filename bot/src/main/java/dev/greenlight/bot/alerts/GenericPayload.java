package dev.greenlight.bot.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.config.GenericAlertSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generic JSON source's body, read by the JSON Pointers of {@code alerts.generic}: one alert, or
 * an array of them. A missing required field is refused, naming the alert and the pointer.
 */
final class GenericPayload {
  private GenericPayload() {}

  static List<Alert> parse(byte[] body, GenericAlertSource source) throws BadPayload {
    JsonNode root = JsonFields.parse(body);
    List<JsonNode> items = new ArrayList<>();
    String where;
    if (source.alerts().isEmpty()) {
      items.add(root);
      where = "the alert";
    } else {
      JsonNode list = root.at(source.alerts());
      if (!list.isArray() || list.isEmpty()) {
        throw new BadPayload(source.alerts() + " must be a non-empty array of alerts");
      }
      if (list.size() > JsonFields.MAX_ALERTS) {
        throw new BadPayload(
            source.alerts() + " has " + list.size() + " entries, at most " + JsonFields.MAX_ALERTS);
      }
      list.forEach(items::add);
      where = source.alerts();
    }
    List<Alert> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = items.size() == 1 && source.alerts().isEmpty() ? where : where + "/" + i;
      out.add(alert(items.get(i), at, source));
    }
    return out;
  }

  private static Alert alert(JsonNode a, String at, GenericAlertSource s) throws BadPayload {
    if (!a.isObject()) {
      throw new BadPayload(at + " must be an object");
    }
    String name = JsonFields.text(a.at(s.name()), at + " " + s.name());
    String fingerprint = JsonFields.text(a.at(s.fingerprint()), at + " " + s.fingerprint());
    long startsAt =
        s.startsAt().isEmpty() ? 0 : JsonFields.time(a.at(s.startsAt()), at + " " + s.startsAt());
    boolean resolved = false;
    if (!s.status().isEmpty()) {
      String status = JsonFields.optionalText(a.at(s.status()), at + " " + s.status());
      resolved =
          status != null
              && s.resolvedValues().stream().anyMatch(v -> v.equalsIgnoreCase(status.strip()));
    }
    String service =
        s.service().isEmpty()
            ? null
            : JsonFields.optionalText(a.at(s.service()), at + " " + s.service());
    Map<String, String> labels =
        s.labels().isEmpty()
            ? Map.of()
            : JsonFields.strings(a.at(s.labels()), at + " " + s.labels());
    String summary =
        s.summary().isEmpty()
            ? null
            : JsonFields.optionalText(a.at(s.summary()), at + " " + s.summary());
    return new Alert(
        s.source(),
        resolved,
        name,
        labels,
        summary == null ? Map.of() : Map.of("summary", summary),
        fingerprint,
        startsAt,
        0,
        service == null ? null : service.strip());
  }
}
