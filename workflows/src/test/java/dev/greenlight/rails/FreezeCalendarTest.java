package dev.greenlight.rails;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.FreezeWindow;
import dev.greenlight.api.Hold;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreezeCalendarTest {
  private static final FreezeWindow WEEKEND =
      new FreezeWindow("weekend", "Europe/Berlin", "FRI 18:00", "MON 08:00");

  private static long berlin(String isoLocal) {
    return ZonedDateTime.parse(isoLocal + "+01:00[Europe/Berlin]").toInstant().toEpochMilli();
  }

  @Test
  void aWeeklyWindowSpansTheWeekendInItsZone() {
    // 2026-12-04 is a Friday.
    assertThat(FreezeCalendar.at(berlin("2026-12-04T17:59"), List.of(WEEKEND))).isEmpty();
    Optional<Hold> saturday = FreezeCalendar.at(berlin("2026-12-05T12:00"), List.of(WEEKEND));
    assertThat(saturday).isPresent();
    assertThat(saturday.get().untilMillis()).isEqualTo(berlin("2026-12-07T08:00"));
    assertThat(saturday.get().detail())
        .isEqualTo("change freeze 'weekend' until 2026-12-07 08:00 Europe/Berlin");
    assertThat(FreezeCalendar.at(berlin("2026-12-07T07:59"), List.of(WEEKEND))).isPresent();
    assertThat(FreezeCalendar.at(berlin("2026-12-07T08:00"), List.of(WEEKEND))).isEmpty();
    assertThat(FreezeCalendar.at(berlin("2026-12-09T12:00"), List.of(WEEKEND))).isEmpty();
  }

  @Test
  void aDatedWindowStartsAtFromAndEndsBeforeUntil() {
    FreezeWindow yearEnd =
        new FreezeWindow("year-end", "Europe/Berlin", "2026-12-20T00:00", "2027-01-04T08:00");
    assertThat(FreezeCalendar.at(berlin("2026-12-19T23:59"), List.of(yearEnd))).isEmpty();
    assertThat(FreezeCalendar.at(berlin("2026-12-20T00:00"), List.of(yearEnd))).isPresent();
    assertThat(FreezeCalendar.at(berlin("2027-01-04T08:00"), List.of(yearEnd))).isEmpty();
  }

  @Test
  void ofOverlappingWindowsTheOneEndingLastIsShown() {
    FreezeWindow yearEnd =
        new FreezeWindow("year-end", "Europe/Berlin", "2026-12-20T00:00", "2027-01-04T08:00");
    Optional<Hold> h = FreezeCalendar.at(berlin("2026-12-26T12:00"), List.of(WEEKEND, yearEnd));
    assertThat(h.get().detail()).contains("'year-end'");
  }

  @Test
  void theNextStartIsTheEarliestWindowBeginningAfterNow() {
    FreezeWindow yearEnd =
        new FreezeWindow("year-end", "Europe/Berlin", "2026-12-20T00:00", "2027-01-04T08:00");
    List<FreezeWindow> both = List.of(WEEKEND, yearEnd);
    // Wednesday: the weekend comes first; inside it, the next weekend or the dated window.
    assertThat(FreezeCalendar.nextStart(berlin("2026-12-02T12:00"), both))
        .contains(berlin("2026-12-04T18:00"));
    assertThat(FreezeCalendar.nextStart(berlin("2026-12-04T18:00"), both))
        .contains(berlin("2026-12-11T18:00"));
    assertThat(FreezeCalendar.nextStart(berlin("2026-12-19T12:00"), both))
        .contains(berlin("2026-12-20T00:00"));
    assertThat(FreezeCalendar.nextStart(berlin("2027-01-01T12:00"), List.of(yearEnd))).isEmpty();
  }
}
