package dev.greenlight.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.telemetry.LogContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The shipped logback.xml in both formats, its appender writing into a buffer. */
class JsonLogTest {
  static final String BOT_TOKEN = "xoxb-1234-5678-abcdefSECRET";
  static final String ODD_SECRET = "temporal-key-without-a-shape-42";

  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void restore() {
    System.clearProperty(LogFormat.VARIABLE);
  }

  /** A fresh logger context configured from the jar's logback.xml in {@code format}. */
  @SuppressWarnings("unchecked")
  Logger logger(String format) throws Exception {
    System.setProperty(LogFormat.VARIABLE, format);
    LoggerContext context = new LoggerContext();
    // The same MDC as the code under test writes to (slf4j's, held by the process's context).
    context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/logback.xml"));
    // The shipped appender and encoder, writing into the test's buffer instead of stderr.
    ConsoleAppender<ILoggingEvent> stderr =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    assertThat(stderr.getEncoder()).isInstanceOf(GreenlightEncoder.class);
    stderr.setOutputStream(err);
    return context.getLogger("dev.greenlight.test");
  }

  List<String> lines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void jsonIsOneObjectPerLineWithTheIncidentFromTheMdc() throws Exception {
    Logger log = logger("json");
    try (LogContext ignored = LogContext.of("GL-ABCD1234", null)) {
      log.info("Incident {} started", "GL-ABCD1234");
    }
    log.warn("no incident here", new IllegalStateException("boom"));

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.path("message").asText()).isEqualTo("Incident GL-ABCD1234 started");
    assertThat(first.path("level").asText()).isEqualTo("INFO");
    assertThat(first.path("logger").asText()).isEqualTo("dev.greenlight.test");
    assertThat(first.path("timestamp").asText()).isNotEmpty();
    assertThat(first.path(LogContext.INCIDENT_ID).asText()).isEqualTo("GL-ABCD1234");
    assertThat(first.path(LogContext.WORKFLOW_ID).asText()).isEqualTo("incident-GL-ABCD1234");
    JsonNode second = json.readTree(lines.get(1));
    assertThat(second.has(LogContext.INCIDENT_ID)).isFalse();
    assertThat(second.path("stack_trace").asText()).contains("IllegalStateException: boom");
  }

  @Test
  void textStaysTheDefaultPattern() throws Exception {
    Logger log = logger("");
    log.info("plain words");
    assertThat(lines())
        .singleElement()
        .asString()
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[.*\\] dev\\.greenlight\\.test - plain words");
  }

  @Test
  void tokensNeverReachEitherFormat() throws Exception {
    Redaction.remember(ODD_SECRET);
    for (String format : List.of("text", "json")) {
      err.reset();
      Logger log = logger(format);
      log.info("connecting with token {} to wss://x/link/?ticket=abc123&app_id=A1", BOT_TOKEN);
      log.warn("Temporal refused key " + ODD_SECRET, new RuntimeException("bad " + BOT_TOKEN));
      log.info("Authorization: Bearer sk-live-0123456789");
      String out = err.toString(StandardCharsets.UTF_8);
      assertThat(out)
          .as(format)
          .doesNotContain(BOT_TOKEN, "abcdefSECRET", ODD_SECRET, "ticket=abc123", "sk-live")
          .contains(Redaction.REDACTED, "app_id=A1");
      if (format.equals("json")) {
        for (String line : lines()) {
          new ObjectMapper().readTree(line);
        }
      }
    }
  }

  @Test
  void anUnknownFormatIsRefusedNamingTheVariable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogFormat.parse("yaml"))
        .hasMessageContaining(LogFormat.VARIABLE);
    assertThat(LogFormat.parse(" JSON ")).isEqualTo(LogFormat.JSON);
  }
}
