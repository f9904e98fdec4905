package dev.greenlight.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.classify.ClassifierException.Kind;
import dev.greenlight.config.ClassifierSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One POST to the chat-completions endpoint, without retries. Failures become {@link
 * ClassifierException}s that say whether a retry may help; the API key is sent only in the auth
 * header and is masked in any error message the server echoes.
 */
final class ChatCall {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final HttpUrl endpoint;
  private final ClassifierSettings settings;
  private final String apiKey;

  /**
   * @param apiKey the trimmed key, or null for servers that need none
   */
  ChatCall(ClassifierSettings settings, String apiKey, OkHttpClient http) {
    this.settings = settings;
    this.apiKey = apiKey;
    this.http =
        http.newBuilder()
            .callTimeout(settings.timeout())
            .readTimeout(settings.timeout())
            .connectTimeout(settings.timeout())
            .retryOnConnectionFailure(false)
            .build();
    this.endpoint = endpoint(settings.baseUrl());
  }

  /** The base URL with its path and query kept, plus {@code /chat/completions}. */
  private static HttpUrl endpoint(String baseUrl) {
    HttpUrl base = HttpUrl.parse(baseUrl);
    if (base == null) {
      throw new IllegalArgumentException("classifier.base-url is not a URL");
    }
    HttpUrl.Builder b = base.newBuilder();
    // Keep the base's path (and any query such as Azure's api-version), then add the operation.
    List<String> segments = new ArrayList<>(base.pathSegments());
    segments.removeIf(String::isEmpty);
    b.encodedPath("/");
    for (String s : segments) {
      b.addPathSegment(s);
    }
    return b.addPathSegment("chat").addPathSegment("completions").build();
  }

  /** The endpoint's host, for model descriptions and messages. */
  String host() {
    return endpoint.host();
  }

  /**
   * Posts {@code body} and returns the raw reply of a 200.
   *
   * @throws ClassifierException for any other status, a timeout or a network error
   */
  String post(String body) throws ClassifierException {
    Request.Builder req =
        new Request.Builder()
            .url(endpoint)
            .post(RequestBody.create(body, JSON))
            .header("Accept", "application/json");
    if (apiKey != null) {
      if (settings.authHeader().equals("api-key")) {
        req.header("api-key", apiKey);
      } else {
        req.header("Authorization", "Bearer " + apiKey);
      }
    }
    try (Response resp = http.newCall(req.build()).execute()) {
      ResponseBody reply = resp.body();
      String raw = reply == null ? "" : reply.string();
      int code = resp.code();
      if (code == 429) {
        throw new ClassifierException(
            Kind.RATE_LIMITED, true, RetryAfter.of(resp), "HTTP 429" + errorMessage(raw));
      }
      if (code == 408 || code >= 500) {
        throw new ClassifierException(
            Kind.SERVER_ERROR, true, RetryAfter.of(resp), "HTTP " + code + errorMessage(raw));
      }
      if (code != 200) {
        throw new ClassifierException(Kind.CLIENT_ERROR, "HTTP " + code + errorMessage(raw));
      }
      return raw;
    } catch (InterruptedIOException e) {
      throw new ClassifierException(
          Kind.TIMEOUT, true, null, "no reply within " + settings.timeout().toMillis() + " ms");
    } catch (IOException e) {
      throw new ClassifierException(
          Kind.NETWORK, true, null, e.getClass().getSimpleName() + " calling " + endpoint.host());
    }
  }

  /** The server's own error message, key masked, in parentheses; empty when there is none. */
  private String errorMessage(String raw) {
    try {
      JsonNode n = StrictJson.MAPPER.readTree(raw);
      JsonNode m = n == null ? null : n.path("error").path("message");
      if (m != null && m.isTextual()) {
        String msg = m.asText();
        if (apiKey != null) {
          msg = msg.replace(apiKey, "***");
        }
        return " (" + ChatText.abbreviate(ChatText.oneLine(msg), 120) + ")";
      }
    } catch (JsonProcessingException | RuntimeException ignored) {
      // Not JSON: say nothing more than the status.
    }
    return "";
  }
}
