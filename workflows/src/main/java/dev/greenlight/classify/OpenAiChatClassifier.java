package dev.greenlight.classify;

import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.Runbook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Classifies through any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI v1,
 * Ollama, vLLM, llama.cpp server). The reply must be a JSON object constrained by a JSON schema to
 * the catalog's labels; it is parsed strictly and anything else is a failure. The model only picks
 * a label: the runbook, its risk tier and its action always come from the catalog.
 *
 * <p>Retryable failures (timeouts, network errors, 429, 408 and 5xx) are retried up to {@code
 * max-attempts} times, honouring Retry-After, within {@code retry-budget} of total waiting. The API
 * key is sent only in the auth header and never logged or put in an exception message.
 */
public final class OpenAiChatClassifier implements IncidentClassifier {

  /** Waits between attempts; replaced in tests. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final ChatRequest request;
  private final ChatCall call;
  private final ChatReply reply;
  private final BoundedRetries retries;

  /**
   * @param apiKey the key, or null/blank for servers that need none
   */
  public OpenAiChatClassifier(
      ClassifierSettings settings, String apiKey, List<Runbook> runbooks, OkHttpClient http) {
    this(settings, apiKey, runbooks, http, d -> Thread.sleep(d.toMillis()));
  }

  public OpenAiChatClassifier(
      ClassifierSettings settings,
      String apiKey,
      List<Runbook> runbooks,
      OkHttpClient http,
      Sleeper sleeper) {
    String key = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    this.call = new ChatCall(settings, key, http);
    Map<String, Runbook> byLabel = new LinkedHashMap<>();
    for (Runbook r : runbooks) {
      byLabel.putIfAbsent(r.label(), r);
    }
    List<String> labels = new ArrayList<>(byLabel.keySet());
    labels.add(Verdict.UNKNOWN_LABEL);
    this.request = new ChatRequest(settings, ChatPrompt.system(runbooks), labels);
    this.reply = new ChatReply(byLabel, settings.llmModel(), call.host());
    this.retries = new BoundedRetries(settings, sleeper);
  }

  @Override
  public String model() {
    return reply.model("");
  }

  @Override
  public Verdict classify(String service, String text) throws ClassifierException {
    return retries.run(() -> attempt(service, text));
  }

  /** One request, no retries. */
  Verdict attempt(String service, String text) throws ClassifierException {
    return reply.parse(call.post(request.body(service, text)));
  }
}
