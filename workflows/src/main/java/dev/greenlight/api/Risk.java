package dev.greenlight.api;

import java.util.Locale;

/** How much damage a runbook's action can do if it is the wrong one. */
public enum Risk {
  LOW,
  MEDIUM,
  HIGH;

  /** Parses {@code low|medium|high}, case-insensitively; null when the text is not a tier. */
  public static Risk parse(String text) {
    for (Risk risk : values()) {
      if (risk.name().equalsIgnoreCase(text.trim())) {
        return risk;
      }
    }
    return null;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
