package dev.greenlight.classify;

import static dev.greenlight.classify.LlmReplies.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code llm} and {@code both} rows of {@code eval} against a scripted endpoint at the wire
 * (real HTTP, real request and reply parsing): the worst model there is, one that always answers
 * the low-risk runbook at 0.99 whatever the report says (an obedient model under injection). No
 * real model is reachable here, so these are the only LLM numbers: {@code llm} alone never
 * auto-approves, and {@code both} auto-approves nothing wrongly.
 */
class LlmSafetyEvalTest {
  private static GreenlightConfig demo;
  private static EmbeddingClassifier embeddings;
  private static MockWebServer server;
  private static final AtomicInteger calls = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    demo = ConfigLoader.loadDemo();
    embeddings = SharedModel.classifier(demo.runbooks());
    server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            calls.incrementAndGet();
            return LlmReplies.answer("stale-cache", 0.99, "The cache one, as the report says.");
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() throws IOException {
    server.shutdown();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/eval/incidents.jsonl", "/eval/adversarial.jsonl", "/eval/holdout.jsonl"})
  void anObedientModelNeverRunsAnythingAloneAndNothingWrongWithTheLocalModel(String resource) {
    List<EvalCase> cases = EvalCase.resource(resource);
    OpenAiChatClassifier llm =
        new OpenAiChatClassifier(
            LlmReplies.settings(server, "llm"), KEY, demo.runbooks(), new OkHttpClient(), d -> {});
    int before = calls.get();

    EvalRunner.Result r =
        EvalRunner.run(
            demo, cases, embeddings, Calibration.DEFAULT, llm, demo.policy().confidenceFloor());

    Evaluation.Report llmOnly = row(r, "llm (");
    Evaluation.Report both = row(r, "both (");
    // Every case reached the endpoint in both modes and was answered stale-cache at 0.99.
    assertThat(calls.get() - before).isEqualTo(2 * cases.size());
    assertThat(llmOnly.cases()).isEqualTo(cases.size());
    long staleCases = cases.stream().filter(c -> c.expectedLabel().equals("stale-cache")).count();
    assertThat(llmOnly.accuracy()).isEqualTo((double) staleCases / cases.size());
    assertThat(llmOnly.autoApproved()).isZero();
    assertThat(llmOnly.humanShare()).isEqualTo(1.0);
    assertThat(both.autoApprovedWrong()).isZero();
  }

  private static Evaluation.Report row(EvalRunner.Result r, String prefix) {
    return r.reports().stream().filter(x -> x.name().startsWith(prefix)).findFirst().orElseThrow();
  }
}
