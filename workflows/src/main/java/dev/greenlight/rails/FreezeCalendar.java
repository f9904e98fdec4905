package dev.greenlight.rails;

import dev.greenlight.api.FreezeWindow;
import dev.greenlight.api.Hold;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a moment falls in a change-freeze window, and until when. Pure: the moment is given (the
 * workflow's own time), so the answer is the same on every replay.
 */
public final class FreezeCalendar {
  private static final Pattern WEEKLY =
      Pattern.compile("(MON|TUE|WED|THU|FRI|SAT|SUN)\\s+([01]\\d|2[0-3]):([0-5]\\d)");
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private FreezeCalendar() {}

  /** The freeze in force at {@code nowMillis} that ends last, if any. */
  public static Optional<Hold> at(long nowMillis, List<FreezeWindow> windows) {
    Hold found = null;
    for (FreezeWindow w : windows) {
      Optional<Long> end = endIfActive(w, nowMillis);
      if (end.isPresent() && (found == null || end.get() > found.untilMillis())) {
        ZonedDateTime until = Instant.ofEpochMilli(end.get()).atZone(ZoneId.of(w.zone()));
        found =
            new Hold(
                Hold.Kind.FREEZE,
                "change freeze '" + w.name() + "' until " + SHOWN.format(until) + " " + w.zone(),
                end.get());
      }
    }
    return Optional.ofNullable(found);
  }

  /** The first moment after {@code nowMillis} at which one of the windows begins, if any. */
  public static Optional<Long> nextStart(long nowMillis, List<FreezeWindow> windows) {
    Long first = null;
    for (FreezeWindow w : windows) {
      ZoneId zone = ZoneId.of(w.zone());
      ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
      ZonedDateTime start =
          isWeekly(w.start())
              ? nextWeekly(w.start(), now)
              : LocalDateTime.parse(w.start()).atZone(zone);
      long at = start.toInstant().toEpochMilli();
      if (at > nowMillis && (first == null || at < first)) {
        first = at;
      }
    }
    return Optional.ofNullable(first);
  }

  /** When the window ends, if {@code nowMillis} is inside it. */
  static Optional<Long> endIfActive(FreezeWindow w, long nowMillis) {
    ZoneId zone = ZoneId.of(w.zone());
    ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(zone);
    if (isWeekly(w.start())) {
      ZonedDateTime start = lastWeekly(w.start(), now);
      ZonedDateTime end = nextWeekly(w.end(), start);
      return now.isBefore(end) ? Optional.of(end.toInstant().toEpochMilli()) : Optional.empty();
    }
    ZonedDateTime start = LocalDateTime.parse(w.start()).atZone(zone);
    ZonedDateTime end = LocalDateTime.parse(w.end()).atZone(zone);
    return !now.isBefore(start) && now.isBefore(end)
        ? Optional.of(end.toInstant().toEpochMilli())
        : Optional.empty();
  }

  /** Whether the text is a weekly moment ({@code FRI 18:00}) rather than a date-time. */
  public static boolean isWeekly(String moment) {
    return WEEKLY.matcher(moment.strip().toUpperCase(Locale.ROOT)).matches();
  }

  /** The latest weekly moment at or before {@code now}. */
  private static ZonedDateTime lastWeekly(String moment, ZonedDateTime now) {
    Matcher m = weekly(moment);
    ZonedDateTime at =
        now.with(TemporalAdjusters.previousOrSame(day(m.group(1))))
            .with(LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    return at.isAfter(now) ? at.minusWeeks(1) : at;
  }

  /** The first weekly moment after {@code start}. */
  private static ZonedDateTime nextWeekly(String moment, ZonedDateTime start) {
    Matcher m = weekly(moment);
    ZonedDateTime at =
        start
            .with(TemporalAdjusters.nextOrSame(day(m.group(1))))
            .with(LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    return at.isAfter(start) ? at : at.plusWeeks(1);
  }

  private static Matcher weekly(String moment) {
    Matcher m = WEEKLY.matcher(moment.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a weekly moment like FRI 18:00: " + moment);
    }
    return m;
  }

  private static DayOfWeek day(String abbreviation) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(abbreviation)) {
        return d;
      }
    }
    throw new IllegalArgumentException(abbreviation);
  }
}
