package dev.greenlight.bot.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * fabric8's CRUD dispatcher, with what the simulated cluster adds in front of it: a server-side dry
 * run ({@code dryRun=All}) changes nothing (the CRUD mock alone would apply it), refusals the way
 * RBAC refuses (403), a failure after a change was applied (a lost reply), and a record of every
 * request.
 */
final class ClusterDispatcher {
  /** One request as the cluster received it. */
  record Request(String method, String path, String body) {
    boolean dryRun() {
      return path.contains("dryRun=All");
    }

    /** The path without its query. */
    String resource() {
      int q = path.indexOf('?');
      return q < 0 ? path : path.substring(0, q);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Predicate<Request>> refused = new ConcurrentHashMap<>();
  private final List<Predicate<Request>> failOnce = new CopyOnWriteArrayList<>();
  private final List<Held> held = new CopyOnWriteArrayList<>();

  /** A reply held back after its request was applied, until released (or a minute passed). */
  record Held(Predicate<Request> which, CountDownLatch reached, CountDownLatch released) {}

  /**
   * Answers one request. The HTTP method comes apart from {@code r}: the mock's own method enum
   * needs Vert.x to load, so the request carries none and the CRUD handlers are called by name.
   */
  MockResponse dispatch(String method, RecordedRequest r) {
    // Not r.getUtf8Body(): reading the body consumes it before the CRUD handler can.
    Request request =
        new Request(
            method, r.getPath(), new String(r.getBody().getBytes(), StandardCharsets.UTF_8));
    requests.add(request);
    for (Map.Entry<String, Predicate<Request>> e : refused.entrySet()) {
      if (e.getValue().test(request)) {
        return new MockResponse().setResponseCode(403).setBody(e.getKey());
      }
    }
    if (request.dryRun()) {
      return request.method().equals("POST")
          ? new MockResponse().setResponseCode(201).setBody(request.body())
          : crud.handleGet(request.resource());
    }
    MockResponse response =
        switch (method) {
          case "GET" -> crud.handleGet(request.path());
          case "POST" -> crud.handleCreate(r);
          case "PUT" -> crud.handleUpdate(r);
          case "PATCH" -> crud.handlePatch(r);
          case "DELETE" -> crud.handleDelete(request.path());
          default -> new MockResponse().setResponseCode(405);
        };
    for (Held h : held) {
      if (h.which().test(request) && held.remove(h)) {
        h.reached().countDown();
        try {
          h.released().await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    for (Predicate<Request> p : failOnce) {
      if (p.test(request) && failOnce.remove(p)) {
        return new MockResponse()
            .setResponseCode(500)
            .setBody(status(500, "InternalError", "the simulated API server lost its reply"));
      }
    }
    return response;
  }

  /** Refuses the matching requests with 403, as RBAC does, {@code message} saying why. */
  void refuse(Predicate<Request> which, String message) {
    refused.put(status(403, "Forbidden", message), which);
  }

  void allowAll() {
    refused.clear();
  }

  /** The next matching request is applied, then answered 500 (its reply is lost). */
  void failOnceAfterApplying(Predicate<Request> which) {
    failOnce.add(which);
  }

  /** The next matching request is applied, and its reply held until {@code h} is released. */
  void holdOnce(Held h) {
    held.add(h);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private static String status(int code, String reason, String message) {
    return JSON.createObjectNode()
        .put("kind", "Status")
        .put("apiVersion", "v1")
        .put("status", "Failure")
        .put("message", message)
        .put("reason", reason)
        .put("code", code)
        .toString();
  }
}
