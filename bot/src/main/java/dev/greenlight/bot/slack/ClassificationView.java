package dev.greenlight.bot.slack;

import dev.greenlight.api.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the card explains a classification: which model (name and version), why (the LLM's one-line
 * rationale or the local model's nearest example), each opinion when two classifiers ran, and a
 * degraded marker when a human must decide. Model text is escaped and only ever displayed.
 */
final class ClassificationView {
  private static final int MAX_TEXT = 200;

  private ClassificationView() {}

  /** The card's context line under the classification. */
  static String explanation(Classification c) {
    List<String> parts = new ArrayList<>();
    if (c.degraded()) {
      parts.add(":warning: *degraded*: " + text(c.degradedReason()) + " (a human decides)");
    }
    parts.add("Model: " + text(c.model()));
    if (c.rationale() != null && !c.rationale().isBlank()) {
      parts.add("rationale: _" + text(c.rationale()) + "_");
    }
    if (c.nearestExample() != null && !c.nearestExample().isBlank()) {
      parts.add("nearest example: " + text(c.nearestExample()));
    }
    if (c.opinions().size() > 1) {
      List<String> ops = new ArrayList<>();
      for (Classification.Opinion o : c.opinions()) {
        ops.add(
            text(o.model())
                + " → "
                + (o.label() == null
                    ? "failed (" + text(o.detail()) + ")"
                    : "*"
                        + text(o.label())
                        + "* "
                        + String.format(Locale.ROOT, "%.0f%%", o.confidence() * 100)
                        + (o.detail() == null || o.detail().isBlank()
                            ? ""
                            : " (" + text(o.detail()) + ")")));
      }
      parts.add("opinions: " + String.join("; ", ops));
    }
    return String.join(" · ", parts);
  }

  private static String text(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return SlackText.escape(one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 1) + "…");
  }
}
