package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;

/**
 * The {@code alerts.generic} section: where a generic JSON source's fields are, as JSON Pointers
 * (RFC 6901, e.g. {@code /labels/service}) into each alert object.
 *
 * @param source the source's name, shown on the card (e.g. {@code grafana})
 * @param alerts where the array of alerts is in the body; empty: the body is one alert
 * @param name the alert's name (required)
 * @param fingerprint what identifies the alert (required)
 * @param startsAt when it started firing (RFC 3339 text or epoch milliseconds); empty: the
 *     fingerprint alone identifies one firing
 * @param status the alert's status; empty: every alert is firing
 * @param resolvedValues the status values that mean resolved
 * @param service the service itself; empty: the first of {@code service-labels} in {@code labels}
 * @param labels an object of labels; may be empty when {@code service} is set
 * @param summary a one-line summary; optional
 */
public record GenericAlertSource(
    String source,
    String alerts,
    String name,
    String fingerprint,
    String startsAt,
    String status,
    List<String> resolvedValues,
    String service,
    String labels,
    String summary) {

  public GenericAlertSource {
    Invalid.require(
        Check.text("source", source).matches("[a-z0-9][a-z0-9-]{0,30}"),
        "source",
        ": '" + source + "' is not a source name ([a-z0-9-], at most 31)");
    alerts = pointer("alerts", alerts, false);
    name = pointer("name", name, true);
    fingerprint = pointer("fingerprint", fingerprint, true);
    startsAt = pointer("starts-at", startsAt, false);
    status = pointer("status", status, false);
    resolvedValues = List.copyOf(resolvedValues == null ? List.of("resolved") : resolvedValues);
    service = pointer("service", service, false);
    labels = pointer("labels", labels, false);
    Invalid.require(!service.isEmpty() || !labels.isEmpty(), "service", " or labels must be set");
    summary = pointer("summary", summary, false);
  }

  @JsonCreator
  static GenericAlertSource fromFile(
      @JsonProperty("source") String source,
      @JsonProperty("alerts") String alerts,
      @JsonProperty("name") String name,
      @JsonProperty("fingerprint") String fingerprint,
      @JsonProperty("starts-at") String startsAt,
      @JsonProperty("status") String status,
      @JsonProperty("resolved-values") List<String> resolvedValues,
      @JsonProperty("service") String service,
      @JsonProperty("labels") String labels,
      @JsonProperty("summary") String summary) {
    return new GenericAlertSource(
        source == null ? "generic" : source,
        alerts,
        name,
        fingerprint,
        startsAt,
        status,
        resolvedValues,
        service,
        labels,
        summary);
  }

  private static String pointer(String key, String value, boolean required) {
    String v = value == null ? "" : value.trim();
    Invalid.require(!required || !v.isEmpty(), key, " is required (a JSON Pointer like /title)");
    try {
      JsonPointer.compile(v);
    } catch (IllegalArgumentException e) {
      throw new Invalid(
          key, ": '" + v + "' is not a JSON Pointer (empty, or starting with '/', like /title)");
    }
    return v;
  }
}
