package dev.greenlight.classify;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.LocalSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The eight-runbook evaluation catalog ({@code eval/eight-catalog.yml}) and the opt-in claim. */
final class EightCatalog {
  /** classifier.local.other-claim 0.05 with the shipped knobs (docs/classification.md). */
  static final LocalSettings CLAIMING =
      new LocalSettings(0.5, -0.2, LocalSettings.BUILT_IN, 0.6, 0, 0.05);

  private EightCatalog() {}

  static GreenlightConfig load() {
    try (InputStream in = EightCatalog.class.getResourceAsStream("/eval/eight-catalog.yml")) {
      return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "eight");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
