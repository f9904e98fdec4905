package dev.greenlight.api;

import java.util.List;
import java.util.Optional;

/** What the rails say about one proposal at one moment: the holds in force (empty: none). */
public record RailsVerdict(List<Hold> holds) {
  public static final RailsVerdict CLEAR = new RailsVerdict(List.of());

  public RailsVerdict {
    holds = holds == null ? List.of() : List.copyOf(holds);
  }

  public Optional<Hold> hold(Hold.Kind kind) {
    return holds.stream().filter(h -> h.kind() == kind).findFirst();
  }
}
