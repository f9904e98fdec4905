package dev.greenlight.bot.ops;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The logback encoder of every Greenlight process: text lines ({@link #setPattern}) or, with {@code
 * format} {@code json}, one JSON object a line ({@code timestamp}, {@code level}, {@code logger},
 * {@code thread}, {@code message}, the MDC's fields such as {@code incidentId} and {@code
 * workflowId}, and {@code stack_trace}). Either way each line passes through {@link
 * Redaction#redact}, so no token reaches the log.
 */
public final class GreenlightEncoder extends EncoderBase<ILoggingEvent> {
  private String format = "text";
  private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";
  private Encoder<ILoggingEvent> delegate;

  /** {@code text} or {@code json} (logback.xml passes {@code GREENLIGHT_LOG_FORMAT}). */
  public void setFormat(String format) {
    this.format = format;
  }

  /** The text format's pattern. */
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    LogFormat chosen;
    try {
      chosen = LogFormat.parse(format);
    } catch (IllegalArgumentException e) {
      addError(e.getMessage() + "; writing text");
      chosen = LogFormat.TEXT;
    }
    delegate = chosen == LogFormat.JSON ? json() : text();
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  private Encoder<ILoggingEvent> text() {
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setPattern(pattern);
    e.setCharset(StandardCharsets.UTF_8);
    return e;
  }

  private static Encoder<ILoggingEvent> json() {
    LogstashEncoder e = new LogstashEncoder();
    e.getFieldNames().setTimestamp("timestamp");
    e.getFieldNames().setLogger("logger");
    e.getFieldNames().setThread("thread");
    e.getFieldNames().setVersion("[ignore]");
    e.getFieldNames().setLevelValue("[ignore]");
    return e;
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return delegate == null ? null : delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    String line = new String(delegate.encode(event), StandardCharsets.UTF_8);
    return Redaction.redact(line).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return delegate == null ? null : delegate.footerBytes();
  }
}
