package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which classifier runs (key {@code classifier}) and how the optional LLM is reached. The API key
 * is never in the file: {@code api-key-env} names the environment variable that holds it.
 *
 * @param mode {@code local} (default, offline), {@code llm} or {@code both}
 * @param strategy how the local model scores a runbook: {@code nearest} example or {@code centroid}
 *     of its examples
 * @param baseUrl the OpenAI-compatible API base, e.g. {@code https://api.openai.com/v1} or {@code
 *     http://localhost:11434/v1}; {@code /chat/completions} is appended
 * @param llmModel the model name sent to the endpoint
 * @param apiKeyEnv the environment variable holding the API key (may be unset for local servers)
 * @param timeout per-request timeout
 * @param maxAttempts LLM attempts per classification (retryable failures only)
 * @param retryBudget the most time spent waiting between attempts (Retry-After included)
 * @param responseFormat {@code json_schema} (structured outputs) or {@code json_object} for servers
 *     that only support JSON mode
 * @param authHeader {@code bearer} ({@code Authorization: Bearer}) or {@code api-key} (Azure)
 * @param calibration the local classifier's calibration, or null for the shipped one
 * @param local the local classifier's other knobs (key {@code local}; null: the defaults)
 */
public record ClassifierSettings(
    String mode,
    String strategy,
    String baseUrl,
    String llmModel,
    String apiKeyEnv,
    Duration timeout,
    int maxAttempts,
    Duration retryBudget,
    String responseFormat,
    String authHeader,
    PlattSettings calibration,
    LocalSettings local) {
  public static final String LOCAL = "local";
  public static final String LLM = "llm";
  public static final String BOTH = "both";
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_MODEL = "gpt-4o-mini";
  public static final String DEFAULT_API_KEY_ENV = "GREENLIGHT_LLM_API_KEY";

  public static final ClassifierSettings DEFAULT =
      new ClassifierSettings(
          LOCAL,
          "nearest",
          DEFAULT_BASE_URL,
          DEFAULT_MODEL,
          DEFAULT_API_KEY_ENV,
          Duration.ofSeconds(10),
          3,
          Duration.ofSeconds(15),
          "json_schema",
          "bearer",
          null);

  public ClassifierSettings {
    Check.oneOf("mode", mode, List.of(LOCAL, LLM, BOTH));
    Check.oneOf("strategy", strategy, List.of("nearest", "centroid"));
    Invalid.require(
        Check.text("base-url", baseUrl).startsWith("http://") || baseUrl.startsWith("https://"),
        "base-url",
        " must be an http:// or https:// URL (got '" + baseUrl + "')");
    Check.text("model", llmModel);
    Invalid.require(
        Check.text("api-key-env", apiKeyEnv).matches("[A-Za-z_][A-Za-z0-9_]*"),
        "api-key-env",
        " must name an environment variable, not hold the key itself");
    Check.duration("timeout", timeout, null, null);
    Check.between("max-attempts", maxAttempts, 1, 10);
    Check.duration("retry-budget", retryBudget, null, null);
    Check.oneOf("response-format", responseFormat, List.of("json_schema", "json_object"));
    Check.oneOf("auth-header", authHeader, List.of("bearer", "api-key"));
    if (local == null) {
      local = LocalSettings.DEFAULT;
    }
  }

  /** The settings with a calibration and the default local knobs. */
  @JsonCreator(mode = JsonCreator.Mode.DISABLED)
  public ClassifierSettings(
      String mode,
      String strategy,
      String baseUrl,
      String llmModel,
      String apiKeyEnv,
      Duration timeout,
      int maxAttempts,
      Duration retryBudget,
      String responseFormat,
      String authHeader,
      PlattSettings calibration) {
    this(
        mode,
        strategy,
        baseUrl,
        llmModel,
        apiKeyEnv,
        timeout,
        maxAttempts,
        retryBudget,
        responseFormat,
        authHeader,
        calibration,
        null);
  }

  /** The settings without a calibration of their own (the shipped one is used). */
  @JsonCreator(mode = JsonCreator.Mode.DISABLED)
  public ClassifierSettings(
      String mode,
      String strategy,
      String baseUrl,
      String llmModel,
      String apiKeyEnv,
      Duration timeout,
      int maxAttempts,
      Duration retryBudget,
      String responseFormat,
      String authHeader) {
    this(
        mode,
        strategy,
        baseUrl,
        llmModel,
        apiKeyEnv,
        timeout,
        maxAttempts,
        retryBudget,
        responseFormat,
        authHeader,
        null);
  }

  /**
   * The settings a {@code classifier} mapping describes, with the defaults for what it leaves out.
   */
  @JsonCreator
  static ClassifierSettings fromFile(
      @JsonProperty("mode") String mode,
      @JsonProperty("strategy") String strategy,
      @JsonProperty("base-url") String baseUrl,
      @JsonProperty("model") String llmModel,
      @JsonProperty("api-key-env") String apiKeyEnv,
      @JsonProperty("timeout") Duration timeout,
      @JsonProperty("max-attempts") Integer maxAttempts,
      @JsonProperty("retry-budget") Duration retryBudget,
      @JsonProperty("response-format") String responseFormat,
      @JsonProperty("auth-header") String authHeader,
      @JsonProperty("calibration") PlattSettings calibration,
      @JsonProperty("local") LocalSettings local) {
    return new ClassifierSettings(
        or(mode, DEFAULT.mode),
        or(strategy, DEFAULT.strategy),
        or(baseUrl, DEFAULT.baseUrl),
        or(llmModel, DEFAULT.llmModel),
        or(apiKeyEnv, DEFAULT.apiKeyEnv),
        or(timeout, DEFAULT.timeout),
        or(maxAttempts, DEFAULT.maxAttempts),
        or(retryBudget, DEFAULT.retryBudget),
        or(responseFormat, DEFAULT.responseFormat),
        or(authHeader, DEFAULT.authHeader),
        calibration,
        local);
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** Local mode with every other setting at its default. */
  @JsonCreator(mode = JsonCreator.Mode.DISABLED)
  public ClassifierSettings(String mode) {
    this(
        mode,
        DEFAULT.strategy,
        DEFAULT.baseUrl,
        DEFAULT.llmModel,
        DEFAULT.apiKeyEnv,
        DEFAULT.timeout,
        DEFAULT.maxAttempts,
        DEFAULT.retryBudget,
        DEFAULT.responseFormat,
        DEFAULT.authHeader);
  }

  /** True when an LLM is called ({@code llm} or {@code both}). */
  public boolean usesLlm() {
    return !mode.equals(LOCAL);
  }

  /**
   * These settings with the environment's overrides: {@code GREENLIGHT_CLASSIFIER} (mode), {@code
   * GREENLIGHT_LLM_BASE_URL}, {@code GREENLIGHT_LLM_MODEL}, {@code GREENLIGHT_LLM_TIMEOUT}.
   */
  public ClassifierSettings withEnvironment(Map<String, String> env) {
    String m = env.getOrDefault("GREENLIGHT_CLASSIFIER", "").trim();
    if (!m.isEmpty() && !Set.of(LOCAL, LLM, BOTH).contains(m)) {
      throw new ConfigException(
          "GREENLIGHT_CLASSIFIER must be 'local', 'llm' or 'both' (got '" + m + "')");
    }
    String url = env.getOrDefault("GREENLIGHT_LLM_BASE_URL", "").trim();
    String model = env.getOrDefault("GREENLIGHT_LLM_MODEL", "").trim();
    String t = env.getOrDefault("GREENLIGHT_LLM_TIMEOUT", "").trim();
    Duration parsed = t.isEmpty() ? timeout : Durations.parse(t);
    if (parsed == null || parsed.isZero() || parsed.isNegative()) {
      throw new ConfigException(
          "GREENLIGHT_LLM_TIMEOUT must be a positive duration like 10s (got '" + t + "')");
    }
    try {
      return new ClassifierSettings(
          m.isEmpty() ? mode : m,
          strategy,
          url.isEmpty() ? baseUrl : url,
          model.isEmpty() ? llmModel : model,
          apiKeyEnv,
          parsed,
          maxAttempts,
          retryBudget,
          responseFormat,
          authHeader,
          calibration,
          local);
    } catch (Invalid e) {
      // The other overrides are checked above, so only GREENLIGHT_LLM_BASE_URL can be refused here.
      throw new ConfigException(
          e.under("classifier").getMessage() + " (set by GREENLIGHT_LLM_BASE_URL)", e);
    }
  }
}
