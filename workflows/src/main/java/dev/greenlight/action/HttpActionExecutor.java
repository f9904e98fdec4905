package dev.greenlight.action;

import dev.greenlight.api.ActionResult;
import dev.greenlight.config.HttpAction;
import dev.greenlight.config.Template;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The {@code http} action kind: one request whose URL and body are the catalog's templates,
 * rendered with the validated {@code service} and {@code incident}, and which carries {@code
 * Idempotency-Key: <workflowId>:<runbookId>}.
 *
 * <p>2xx succeeds ({@code HTTP 202}); 3xx and 4xx are permanent (the target refused, or the catalog
 * points at the wrong place); 5xx and I/O errors, the per-action timeout included, are retryable.
 */
public final class HttpActionExecutor implements ActionExecutor<HttpAction> {
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;

  public HttpActionExecutor(OkHttpClient http) {
    this.http = http;
  }

  @Override
  public String type() {
    return HttpAction.TYPE;
  }

  @Override
  public Class<HttpAction> specType() {
    return HttpAction.class;
  }

  @Override
  public ActionResult run(HttpAction action, ActionContext context) throws ActionFailure {
    OkHttpClient client =
        http.newBuilder().callTimeout(action.timeout().toMillis(), TimeUnit.MILLISECONDS).build();
    int status;
    try (Response response = client.newCall(request(action, context)).execute()) {
      status = response.code();
    } catch (IOException e) {
      // The message names the runbook and the error, not the URL: its query may carry a secret.
      throw ActionFailure.unreachable(
          "action " + context.runbookId() + " failed: " + describe(e), e);
    }
    if (status >= 500) {
      throw ActionFailure.retryable("action " + context.runbookId() + " answered HTTP " + status);
    }
    if (status >= 300) {
      throw ActionFailure.permanent(
          "action " + context.runbookId() + " was refused with HTTP " + status);
    }
    return new ActionResult(HttpAction.TYPE, "HTTP " + status, context.idempotencyKey());
  }

  /** The request: method, rendered URL and body, the catalog's headers and the idempotency key. */
  static Request request(HttpAction action, ActionContext context) {
    RequestBody body = null;
    if (!action.method().equals("GET") && !action.method().equals("DELETE")
        || !action.body().isEmpty()) {
      String contentType = action.headers().getOrDefault("Content-Type", JSON.toString());
      body =
          RequestBody.create(
              Template.renderBody(action.body(), context.vars()), MediaType.get(contentType));
    }
    Request.Builder request =
        new Request.Builder()
            .url(Template.renderUrl(action.url(), context.vars()))
            .method(action.method(), body);
    action.headers().forEach(request::header);
    request.header(IDEMPOTENCY_HEADER, context.idempotencyKey());
    return request.build();
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
