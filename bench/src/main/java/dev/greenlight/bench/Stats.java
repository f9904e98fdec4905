package dev.greenlight.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles over a sample of durations in nanoseconds, reported in milliseconds. */
record Stats(List<Long> sortedNanos) {
  static Stats of(Collection<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    return new Stats(List.copyOf(s));
  }

  int n() {
    return sortedNanos.size();
  }

  double pMs(double p) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.size());
    return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, rank - 1))) / 1e6;
  }

  double p50() {
    return pMs(50);
  }

  double p99() {
    return pMs(99);
  }

  double maxMs() {
    return sortedNanos.isEmpty() ? Double.NaN : sortedNanos.get(sortedNanos.size() - 1) / 1e6;
  }
}
