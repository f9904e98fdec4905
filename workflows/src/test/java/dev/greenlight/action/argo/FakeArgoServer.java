package dev.greenlight.action.argo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.ArgoServer;
import dev.greenlight.config.ArgoSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake Argo Server on loopback: the REST paths and JSON shapes of {@code swagger.json} that
 * Greenlight uses (submit, list with a label selector, get, and node-level set, resume and stop),
 * workflows and node phases in memory, a Bearer token check, and a record of every call.
 */
final class FakeArgoServer implements AutoCloseable {
  static final String TOKEN = "fake-argo-token-7d1c5e";
  static final String TOKEN_ENV = "ARGO_TOKEN";
  static final String UI = "https://argo.example.test";

  /** One call as the server saw it. */
  record Call(String method, String path, HttpUrl url, String body, String authorization) {
    String query(String name) {
      return url.queryParameter(name);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  final Map<String, FakeWorkflow> workflows = new LinkedHashMap<>();
  final Set<String> templates = new HashSet<>();
  final Map<String, Plan> plans = new LinkedHashMap<>();
  private final Set<String> forbidden = new HashSet<>();
  private final Deque<Integer> failNext = new ArrayDeque<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  boolean loseSubmitReply;
  private boolean staleNextList;
  private int failReads;
  private Runnable beforeNextPut;
  int created;

  record Plan(int runningReads, Consumer<FakeWorkflow> ending) {}

  FakeArgoServer() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            synchronized (FakeArgoServer.this) {
              return handle(request);
            }
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** The settings of this server as {@code argo.servers.default}, polling every 10 ms. */
  ArgoServer settings() {
    return new ArgoServer(
        server.url("/").toString(), UI, TOKEN_ENV, null, false, Duration.ofMillis(10));
  }

  ArgoServers servers() {
    return ArgoServers.from(
        new ArgoSettings(Map.of("default", settings())),
        Map.of(TOKEN_ENV, TOKEN),
        new OkHttpClient());
  }

  /** A WorkflowTemplate ({@code ns/name}) or a ClusterWorkflowTemplate ({@code name}) exists. */
  synchronized FakeArgoServer template(String namespace, String name) {
    templates.add(namespace + "/" + name);
    return this;
  }

  synchronized FakeArgoServer clusterTemplate(String name) {
    templates.add("cluster/" + name);
    return this;
  }

  /** Workflows of {@code template} run for {@code runningReads} reads, then {@code ending}. */
  synchronized FakeArgoServer plan(
      String template, int runningReads, Consumer<FakeWorkflow> ending) {
    plans.put(template, new Plan(runningReads, ending));
    return this;
  }

  /** The token is not allowed {@code verb} (submit, list, get, set, resume, stop): HTTP 403. */
  synchronized FakeArgoServer forbid(String verb) {
    forbidden.add(verb);
    return this;
  }

  /**
   * The next calls are answered with these statuses, one each, before anything happens; 0 lets a
   * call through.
   */
  synchronized FakeArgoServer failNext(int... statuses) {
    for (int s : statuses) {
      failNext.add(s);
    }
    return this;
  }

  /** The next submit creates the workflow but its reply is lost (HTTP 503). */
  synchronized FakeArgoServer loseSubmitReply() {
    loseSubmitReply = true;
    return this;
  }

  /** The next {@code n} reads of a single workflow answer HTTP 503. */
  synchronized FakeArgoServer failReads(int n) {
    failReads = n;
    return this;
  }

  /** Runs {@code race} just before the next PUT is applied: someone else was faster. */
  synchronized FakeArgoServer beforeNextPut(Runnable race) {
    beforeNextPut = race;
    return this;
  }

  /** The next list answers as a stale cache would: no items. */
  synchronized FakeArgoServer staleNextList() {
    staleNextList = true;
    return this;
  }

  synchronized FakeWorkflow workflow(String namespace, String name) {
    return workflows.get(namespace + "/" + name);
  }

  synchronized List<FakeWorkflow> workflows() {
    return new ArrayList<>(workflows.values());
  }

  /** Deletes a workflow, as {@code argo delete} would. */
  synchronized void delete(String namespace, String name) {
    workflows.remove(namespace + "/" + name);
  }

  /** Runs {@code change} on the workflows under the server's lock. */
  synchronized void change(Consumer<FakeArgoServer> change) {
    change.accept(this);
  }

  /** Adds a workflow that someone else submitted, e.g. one waiting at a suspend gate. */
  synchronized FakeWorkflow add(String namespace, String name, Map<String, String> labels) {
    return add(namespace, name, labels, List.of());
  }

  /** As {@link #add(String, String, Map)}, with the workflow's arguments ({@code name=value}). */
  synchronized FakeWorkflow add(
      String namespace, String name, Map<String, String> labels, List<String> arguments) {
    FakeWorkflow w =
        new FakeWorkflow(
            namespace, name, "uid-" + name, "WorkflowTemplate", name, arguments, labels, stamp());
    workflows.put(namespace + "/" + name, w);
    return w;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String method, String pathSuffix) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.path().endsWith(pathSuffix))
        .toList();
  }

  List<Call> submits() {
    return calls("POST", "/submit");
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  private MockResponse handle(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    String body = request.getBody().readUtf8();
    calls.add(
        new Call(
            request.getMethod(), url.encodedPath(), url, body, request.getHeader("Authorization")));
    if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
      return FakeResponses.error(401, 16, "token not valid for running mode");
    }
    if (!failNext.isEmpty()) {
      int status = failNext.poll();
      if (status != 0) {
        return FakeResponses.error(status, status >= 500 ? 14 : 9, "injected failure");
      }
    }
    List<String> path = url.pathSegments();
    if (path.size() < 4 || !path.subList(0, 3).equals(List.of("api", "v1", "workflows"))) {
      return FakeResponses.error(404, 5, "Not Found");
    }
    String ns = path.get(3);
    String method = request.getMethod();
    try {
      if (path.size() == 4 && method.equals("GET")) {
        return guarded("list", () -> list(ns, url.queryParameter("listOptions.labelSelector")));
      }
      if (path.size() == 5 && path.get(4).equals("submit") && method.equals("POST")) {
        return guarded("submit", () -> FakeSubmit.submit(this, ns, JSON.readTree(body)));
      }
      if (path.size() == 5 && method.equals("GET")) {
        return guarded("get", () -> get(ns, path.get(4)));
      }
      if (path.size() == 6 && method.equals("PUT")) {
        String op = path.get(5);
        if (beforeNextPut != null) {
          Runnable race = beforeNextPut;
          beforeNextPut = null;
          race.run();
        }
        return guarded(
            op, () -> FakeGates.apply(this, workflows.get(ns + "/" + path.get(4)), op, body));
      }
    } catch (IOException e) {
      return FakeResponses.error(400, 3, "bad JSON");
    }
    return FakeResponses.error(404, 5, "Not Found");
  }

  private interface Handler {
    MockResponse handle() throws IOException;
  }

  private MockResponse guarded(String verb, Handler handler) throws IOException {
    if (forbidden.contains(verb)) {
      return FakeResponses.error(
          403, 7, "workflows.argoproj.io is forbidden: User cannot " + verb + " (" + TOKEN + ")");
    }
    return handler.handle();
  }

  private MockResponse list(String ns, String selector) {
    List<Map<String, Object>> items = new ArrayList<>();
    if (staleNextList) {
      staleNextList = false;
      return FakeResponses.ok(Map.of("metadata", Map.of(), "items", items));
    }
    for (FakeWorkflow w : workflows.values()) {
      if (w.namespace.equals(ns) && FakeResponses.matches(selector, w.effectiveLabels())) {
        items.add(w.json());
      }
    }
    return FakeResponses.ok(Map.of("metadata", Map.of(), "items", items));
  }

  private MockResponse get(String ns, String name) {
    if (failReads > 0) {
      failReads--;
      return FakeResponses.error(503, 14, "etcdserver: leader changed");
    }
    FakeWorkflow w = workflows.get(ns + "/" + name);
    if (w == null) {
      return FakeResponses.error(404, 5, "workflows.argoproj.io \"" + name + "\" not found");
    }
    if (w.readsUntilEnd == 0 && w.ending != null) {
      Consumer<FakeWorkflow> ending = w.ending;
      w.ending = null;
      ending.accept(w);
      if (!workflows.containsKey(ns + "/" + name)) {
        return FakeResponses.error(404, 5, "workflows.argoproj.io \"" + name + "\" not found");
      }
    } else if (w.readsUntilEnd > 0) {
      w.readsUntilEnd--;
    }
    return FakeResponses.ok(w.json());
  }

  String stamp() {
    return String.format("2026-12-01T09:%02d:00Z", workflows.size() % 60);
  }
}
