package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code alerts} section: how alerts (Alertmanager's webhook, or a generic JSON source) become
 * incidents. Where the receiver listens and its token are environment settings, never in the file.
 *
 * @param channel where alert incidents' cards go; empty: the top-level {@code channel}
 * @param serviceLabels the labels naming the service, tried in order (the first present wins)
 * @param hints alert name to the runbook it hints at: evidence for the classifier and shown on the
 *     card, never an approval
 * @param maxOpenPerService at most this many open alert incidents per service; further alerts join
 *     the oldest one's thread
 * @param maxOpen at most this many open alert incidents in all; further alerts are summed up in one
 *     channel message
 * @param unknownServiceEvery an alert naming no catalog service is reported at most this often per
 *     service
 * @param stormSummaryEvery the summary of alerts held back by {@link #maxOpen} is posted at most
 *     this often
 * @param generic the generic JSON source, or null when {@code POST /alerts/generic} is off
 */
public record AlertSettings(
    String channel,
    List<String> serviceLabels,
    Map<String, String> hints,
    int maxOpenPerService,
    int maxOpen,
    Duration unknownServiceEvery,
    Duration stormSummaryEvery,
    GenericAlertSource generic) {
  private static final Pattern CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,}");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public static final List<String> DEFAULT_SERVICE_LABELS = List.of("service", "deployment", "job");

  public AlertSettings {
    channel = channel == null ? "" : channel.trim();
    Invalid.require(
        channel.isEmpty() || CHANNEL.matcher(channel).matches(),
        "channel",
        ": '" + channel + "' is not a Slack channel ID like C012ABCDEF (or leave it empty)");
    Invalid.require(
        serviceLabels != null && !serviceLabels.isEmpty(),
        "service-labels",
        " must name at least one label");
    for (String l : serviceLabels) {
      Invalid.require(
          l != null && LABEL.matcher(l).matches(),
          "service-labels",
          ": '" + l + "' is not a label name ([a-zA-Z_][a-zA-Z0-9_]*)");
    }
    serviceLabels = List.copyOf(serviceLabels);
    Map<String, String> h = new LinkedHashMap<>();
    if (hints != null) {
      hints.forEach(
          (alert, runbook) -> {
            Invalid.require(
                runbook != null && !runbook.isBlank(), "hints." + alert, " must name a runbook id");
            h.put(alert, runbook.trim());
          });
    }
    hints = java.util.Collections.unmodifiableMap(h);
    Check.between("max-open-per-service", maxOpenPerService, 1, 1000);
    Check.between("max-open", maxOpen, 1, 10000);
    Invalid.require(
        maxOpen >= maxOpenPerService,
        "max-open",
        " must be at least max-open-per-service (got " + maxOpen + ")");
    Check.duration("unknown-service-every", unknownServiceEvery, null, null);
    Check.duration("storm-summary-every", stormSummaryEvery, null, null);
  }

  /** The section a file describes, with the defaults for what it leaves out. */
  @JsonCreator
  static AlertSettings fromFile(
      @JsonProperty("channel") String channel,
      @JsonProperty("service-labels") List<String> serviceLabels,
      @JsonProperty("hints") Map<String, String> hints,
      @JsonProperty("max-open-per-service") Integer maxOpenPerService,
      @JsonProperty("max-open") Integer maxOpen,
      @JsonProperty("unknown-service-every") Duration unknownServiceEvery,
      @JsonProperty("storm-summary-every") Duration stormSummaryEvery,
      @JsonProperty("generic") GenericAlertSource generic) {
    return new AlertSettings(
        channel,
        serviceLabels == null ? DEFAULT_SERVICE_LABELS : serviceLabels,
        hints,
        maxOpenPerService == null ? 1 : maxOpenPerService,
        maxOpen == null ? 20 : maxOpen,
        unknownServiceEvery == null ? Duration.ofHours(1) : unknownServiceEvery,
        stormSummaryEvery == null ? Duration.ofMinutes(5) : stormSummaryEvery,
        generic);
  }

  /** Every default: Alertmanager's webhook only, cards in the top-level channel. */
  public static AlertSettings defaults() {
    return fromFile(null, null, null, null, null, null, null, null);
  }

  /** The runbook an alert hints at, or null. */
  public String hintFor(String alertName) {
    return alertName == null ? null : hints.get(alertName);
  }
}
