package dev.greenlight.action;

import dev.greenlight.config.HttpAction;
import dev.greenlight.config.Template;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Sends a runbook's HTTP action with an idempotency key. */
public final class HttpActionExecutor {
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;

  public HttpActionExecutor(OkHttpClient http) {
    this.http = http;
  }

  /**
   * Sends the action and returns the HTTP status; I/O errors propagate (the caller decides on
   * retries). {@code vars} must hold only validated values.
   */
  public int send(HttpAction action, Map<String, String> vars, String idempotencyKey)
      throws IOException {
    String url = Template.renderUrl(action.url(), vars);
    RequestBody body = null;
    if (!action.method().equals("GET") && !action.method().equals("DELETE")
        || !action.body().isEmpty()) {
      String contentType = action.headers().getOrDefault("Content-Type", JSON.toString());
      body =
          RequestBody.create(Template.renderBody(action.body(), vars), MediaType.get(contentType));
    }
    Request.Builder request = new Request.Builder().url(url).method(action.method(), body);
    action.headers().forEach(request::header);
    request.header(IDEMPOTENCY_HEADER, idempotencyKey);
    OkHttpClient client =
        http.newBuilder().callTimeout(action.timeout().toMillis(), TimeUnit.MILLISECONDS).build();
    try (Response response = client.newCall(request.build()).execute()) {
      return response.code();
    }
  }
}
