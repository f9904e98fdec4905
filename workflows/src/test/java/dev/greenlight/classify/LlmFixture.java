package dev.greenlight.classify;

import static dev.greenlight.classify.LlmReplies.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The LLM classifier against a local server replaying OpenAI-format replies and failures, with the
 * waits between attempts recorded instead of slept.
 */
abstract class LlmFixture {
  static final GreenlightConfig DEMO = ConfigLoader.loadDemo();
  final ObjectMapper mapper = new ObjectMapper();
  final List<Duration> sleeps = new ArrayList<>();
  MockWebServer server;
  OpenAiChatClassifier llm;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.start();
    llm =
        new OpenAiChatClassifier(
            LlmReplies.settings(server, "llm"),
            KEY,
            DEMO.runbooks(),
            new OkHttpClient(),
            sleeps::add);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Classifies a report expecting a failure, and checks that it does not reveal the key. */
  ClassifierException failure() {
    ClassifierException e =
        catchThrowableOfType(
            () -> llm.classify("checkout-api", "pods OOMKilled"), ClassifierException.class);
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain(KEY);
    return e;
  }
}
