package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.greenlight.api.FreezeWindow;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.RailsPolicy.HighRiskInFreeze;
import dev.greenlight.rails.FreezeCalendar;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The rails (key {@code rails}): the circuit breaker ({@code rails.breaker}) and the change freezes
 * ({@code rails.freeze}).
 *
 * @param breakerFailures failed verifications of one runbook on one service within {@code window}
 *     that suspend its auto-approval; 0 turns the breaker off
 * @param breakerWindow how far back failures count
 * @param freezes the change-freeze windows
 * @param highRisk what high risk needs during a freeze: {@code extra-approver} or {@code refuse}
 */
public record RailsSettings(
    int breakerFailures, Duration breakerWindow, List<FreezeWindow> freezes, String highRisk) {
  public static final int DEFAULT_FAILURES = 3;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
  static final String EXTRA_APPROVER = "extra-approver";
  static final String REFUSE = "refuse";

  /** The rails of a file without a {@code rails} section: the breaker on, no freezes. */
  public static final RailsSettings DEFAULT =
      new RailsSettings(DEFAULT_FAILURES, DEFAULT_WINDOW, List.of(), EXTRA_APPROVER);

  public RailsSettings {
    Check.between("breaker.failures", breakerFailures, 0, 1000);
    Check.duration("breaker.window", breakerWindow, Duration.ofDays(30), "30d");
    Check.oneOf("freeze.high-risk", highRisk, List.of(EXTRA_APPROVER, REFUSE));
    freezes = List.copyOf(freezes);
  }

  /** As the workflow carries it. */
  public RailsPolicy toPolicy() {
    return new RailsPolicy(
        breakerFailures,
        breakerWindow.toSeconds(),
        freezes,
        highRisk.equals(REFUSE) ? HighRiskInFreeze.REFUSE : HighRiskInFreeze.EXTRA_APPROVER);
  }

  @JsonCreator
  static RailsSettings fromFile(
      @JsonProperty("breaker") Breaker breaker, @JsonProperty("freeze") Freeze freeze) {
    Breaker b = breaker == null ? new Breaker(null, null) : breaker;
    Freeze f = freeze == null ? new Freeze(null, null) : freeze;
    List<FreezeWindow> windows = new ArrayList<>();
    List<Window> written = f.windows() == null ? List.of() : f.windows();
    for (int i = 0; i < written.size(); i++) {
      try {
        windows.add(Check.present("", written.get(i)).validated());
      } catch (Invalid e) {
        throw e.under("freeze.windows[" + i + "]");
      }
    }
    return new RailsSettings(
        b.failures() == null ? DEFAULT_FAILURES : b.failures(),
        b.window() == null ? DEFAULT_WINDOW : b.window(),
        windows,
        f.highRisk() == null ? EXTRA_APPROVER : f.highRisk());
  }

  /** {@code rails.breaker} as written. */
  record Breaker(
      @JsonProperty("failures") Integer failures, @JsonProperty("window") Duration window) {}

  /** {@code rails.freeze} as written. */
  record Freeze(
      @JsonProperty("high-risk") String highRisk, @JsonProperty("windows") List<Window> windows) {}

  /** One window as written: dated (ISO local date-times) or weekly ({@code FRI 18:00}). */
  record Window(
      @JsonProperty("name") String name,
      @JsonProperty("zone") String zone,
      @JsonProperty("from") String from,
      @JsonProperty("until") String until) {
    FreezeWindow validated() {
      Check.text("name", name);
      try {
        ZoneId.of(Check.text("zone", zone));
      } catch (DateTimeException e) {
        throw new Invalid(
            "zone", ": '" + zone + "' is not a time zone (use an IANA name like Europe/Berlin)");
      }
      boolean weekly = FreezeCalendar.isWeekly(Check.text("from", from));
      Invalid.require(
          weekly == FreezeCalendar.isWeekly(Check.text("until", until)),
          "until",
          ": '"
              + until
              + "' must be the same kind as from '"
              + from
              + "' (both weekly like FRI 18:00, or both dated like 2026-12-24T18:00)");
      if (!weekly) {
        LocalDateTime start = dated("from", from);
        Invalid.require(
            dated("until", until).isAfter(start),
            "until",
            ": '" + until + "' must come after from '" + from + "'");
      }
      return new FreezeWindow(name.strip(), zone.strip(), from.strip(), until.strip());
    }

    private static LocalDateTime dated(String key, String value) {
      try {
        return LocalDateTime.parse(value.strip());
      } catch (DateTimeException e) {
        throw new Invalid(
            key,
            ": '"
                + value
                + "' is neither a date-time like 2026-12-24T18:00 nor a weekly moment like FRI"
                + " 18:00");
      }
    }
  }
}
