package dev.greenlight.action.argo;

import com.fasterxml.jackson.core.JacksonException;
import dev.greenlight.action.argo.ArgoJson.ApiError;
import dev.greenlight.action.argo.ArgoJson.NodeRequest;
import dev.greenlight.action.argo.ArgoJson.SubmitRequest;
import dev.greenlight.action.argo.ArgoJson.Workflow;
import dev.greenlight.action.argo.ArgoJson.WorkflowList;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The Argo Server REST calls Greenlight makes, over OkHttp and {@link ArgoJson}. Every call carries
 * {@code Authorization: Bearer <token>} when the server has a token; the token is held here only,
 * and no message, log line or {@code toString} contains it.
 */
final class ArgoClient {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_ERROR_BODY = 16 * 1024;

  /** What a poll reads of a workflow: enough for the phase, the shutdown and the failed node. */
  static final String WORKFLOW_FIELDS =
      "metadata.name,metadata.namespace,metadata.uid,metadata.labels,metadata.annotations,"
          + "metadata.creationTimestamp,spec.shutdown,status.phase,status.message,status.nodes";

  /** What a lookup by label reads of each workflow found. */
  static final String LIST_FIELDS =
      "items.metadata.name,items.metadata.namespace,items.metadata.uid,items.metadata.labels,"
          + "items.metadata.creationTimestamp,items.status.phase";

  private final String name;
  private final HttpUrl base;
  private final String uiBase;
  private final String authorization;
  private final OkHttpClient http;
  private final Duration pollInterval;

  ArgoClient(
      String name,
      HttpUrl base,
      String uiBase,
      String token,
      OkHttpClient http,
      Duration pollInterval) {
    this.name = name;
    this.base = base;
    this.uiBase = uiBase;
    this.authorization = authorization(token);
    this.http = http;
    this.pollInterval = pollInterval;
  }

  /** {@code argo auth token} prints {@code Bearer v2:…}; a bare token gets the prefix. */
  private static String authorization(String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    String t = token.trim();
    return t.regionMatches(true, 0, "Bearer ", 0, 7)
        ? "Bearer " + t.substring(7).trim()
        : "Bearer " + t;
  }

  /** The server's name in {@code argo.servers}. */
  String name() {
    return name;
  }

  Duration pollInterval() {
    return pollInterval;
  }

  /** A link to the workflow in the Argo UI. */
  String link(String namespace, String workflow) {
    return uiBase + "/workflows/" + namespace + "/" + workflow;
  }

  /** {@code POST /api/v1/workflows/{ns}/submit}. */
  Workflow submit(String namespace, SubmitRequest request) throws ArgoCallException, IOException {
    HttpUrl url = workflows(namespace).addPathSegment("submit").build();
    return call(post(url, "POST", request), Workflow.class);
  }

  /** {@code GET /api/v1/workflows/{ns}?listOptions.labelSelector=…&fields=…}. */
  List<Workflow> list(String namespace, String labelSelector, String fields)
      throws ArgoCallException, IOException {
    HttpUrl url =
        workflows(namespace)
            .addQueryParameter("listOptions.labelSelector", labelSelector)
            .addQueryParameter("fields", fields)
            .build();
    return call(get(url), WorkflowList.class).workflows();
  }

  /** {@code GET /api/v1/workflows/{ns}/{name}}. */
  Workflow get(String namespace, String workflow) throws ArgoCallException, IOException {
    HttpUrl url =
        workflows(namespace)
            .addPathSegment(workflow)
            .addQueryParameter("fields", WORKFLOW_FIELDS)
            .build();
    return call(get(url), Workflow.class);
  }

  /** {@code PUT /api/v1/workflows/{ns}/{name}/set}, {@code …/resume} or {@code …/stop}. */
  Workflow put(String namespace, String workflow, String operation, NodeRequest request)
      throws ArgoCallException, IOException {
    HttpUrl url = workflows(namespace).addPathSegment(workflow).addPathSegment(operation).build();
    return call(post(url, "PUT", request), Workflow.class);
  }

  private HttpUrl.Builder workflows(String namespace) {
    return base.newBuilder()
        .addPathSegment("api")
        .addPathSegment("v1")
        .addPathSegment("workflows")
        .addPathSegment(namespace);
  }

  private Request get(HttpUrl url) {
    return authorized(new Request.Builder().url(url).get()).build();
  }

  private Request post(HttpUrl url, String method, Object body) throws IOException {
    byte[] json = ArgoJson.MAPPER.writeValueAsBytes(body);
    return authorized(new Request.Builder().url(url).method(method, RequestBody.create(json, JSON)))
        .build();
  }

  private Request.Builder authorized(Request.Builder request) {
    request.header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private <T> T call(Request request, Class<T> type) throws ArgoCallException, IOException {
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful()) {
        throw new ArgoCallException(response.code(), serverMessage(body));
      }
      if (body == null) {
        throw new IOException("the Argo Server sent no body");
      }
      try {
        return ArgoJson.MAPPER.readValue(body.byteStream(), type);
      } catch (JacksonException e) {
        // The body may echo anything; the message names only the expected shape.
        throw new IOException("the Argo Server sent JSON that is not a " + type.getSimpleName());
      }
    }
  }

  /** The {@code message} of a {@code grpc.gateway.runtime.Error} body, or empty. */
  private static String serverMessage(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try {
      BufferedSource source = body.source();
      source.request(MAX_ERROR_BODY);
      byte[] bytes =
          source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_ERROR_BODY));
      ApiError error = ArgoJson.MAPPER.readValue(bytes, ApiError.class);
      return error.message() == null ? "" : error.message();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
