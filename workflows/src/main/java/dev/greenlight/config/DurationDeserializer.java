package dev.greenlight.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;

/** Reads every duration of the file once, with {@link Durations}; only positive ones pass. */
final class DurationDeserializer extends StdScalarDeserializer<Duration> {
  private static final long serialVersionUID = 1L;
  private static final String LIKE = " must be a positive duration like 30s, 5m, 4h or PT4H";

  DurationDeserializer() {
    super(Duration.class);
  }

  @Override
  public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.currentToken().isScalarValue()) {
      throw new Invalid(
          "", LIKE + " (got " + (p.isExpectedStartArrayToken() ? "a list" : "a mapping") + ")");
    }
    String raw = p.getText();
    Duration d = Durations.parse(raw);
    if (d == null || d.isZero() || d.isNegative()) {
      throw new Invalid("", LIKE + " (got '" + raw + "')");
    }
    return d;
  }
}
