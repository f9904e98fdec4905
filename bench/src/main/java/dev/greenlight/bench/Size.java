package dev.greenlight.bench;

import java.util.List;

/**
 * How big each measurement is. {@code smoke} proves the harness runs (CI); {@code full} is what
 * docs/performance.md reports.
 *
 * @param clickPairs click-to-gate samples (each is one Slack click and one raw signal)
 * @param burst envelopes per ack burst (the issue asks for 200)
 * @param classifySamples classifications timed after warm-up
 * @param pending pending-approval sizes, cumulative
 * @param throughput incidents per throughput run
 * @param coldStarts cold-start repetitions
 */
record Size(
    String name,
    int clickPairs,
    int burst,
    int classifySamples,
    List<Integer> pending,
    int throughput,
    int coldStarts) {
  static final Size SMOKE = new Size("smoke", 3, 10, 20, List.of(10, 20), 5, 1);
  static final Size FULL = new Size("full", 30, 200, 300, List.of(1000, 5000, 10000), 200, 3);

  Size withPending(List<Integer> sizes) {
    return new Size(name, clickPairs, burst, classifySamples, sizes, throughput, coldStarts);
  }

  static Size named(String name) {
    return switch (name) {
      case "smoke" -> SMOKE;
      case "full" -> FULL;
      default ->
          throw new IllegalArgumentException("--size must be smoke or full (got " + name + ")");
    };
  }
}
