package dev.greenlight.bot.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A <b>simulated</b> Argo Server in this process, for the sandbox and the tests: the REST paths and
 * JSON shapes of Argo's {@code swagger.json} that Greenlight's suspend gates use (list with a label
 * selector, get, and node-level {@code set}, {@code resume}, {@code stop}), workflows and node
 * phases in memory, applied as Argo's {@code updateSuspendedNode} does, and a record of every call.
 * It also takes the {@code argo} action's submit ({@link SimulatedSubmit}), list by the idempotency
 * key's label and get. It runs no pods: after a resume or a submit the workflow ends after two
 * reads. Loopback only.
 */
public final class SimulatedArgo implements AutoCloseable {
  /** One call as the server saw it. */
  public record Call(String method, String path, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, SimulatedWorkflow> workflows = new LinkedHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, SimulatedSubmit.Failure> failures = new LinkedHashMap<>();
  private int uids;

  private SimulatedArgo(HttpServer server) {
    this.server = server;
  }

  /** Starts on 127.0.0.1, any free port. */
  public static SimulatedArgo start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    SimulatedArgo argo = new SimulatedArgo(http);
    http.createContext("/api/v1/workflows/", argo::api);
    http.createContext("/workflows/", argo::page);
    http.setExecutor(
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "simulated-argo");
              t.setDaemon(true);
              return t;
            }));
    http.start();
    return argo;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Adds an opted-in workflow of {@code template} by {@code creator}, waiting at the Suspend node
   * {@code gate} with {@code inputs}, which declares a supplied output {@code approvers}.
   */
  public synchronized SimulatedWorkflow addWaiting(
      String namespace,
      String name,
      String template,
      String creator,
      Map<String, String> arguments,
      String gate,
      Map<String, String> inputs) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("greenlight.dev/gate", "true");
    labels.put("workflows.argoproj.io/workflow-template", template);
    labels.put("workflows.argoproj.io/creator-preferred-username", creator);
    SimulatedWorkflow w =
        new SimulatedWorkflow(namespace, name, "sim-" + (++uids) + "-" + name, labels, arguments);
    w.node("build", "Pod", "Succeeded");
    SimulatedWorkflow.Node n = w.node(gate, "Suspend", "Running");
    n.inputs.putAll(inputs);
    n.suppliedOutputs.add("approvers");
    workflows.put(namespace + "/" + name, w);
    return w;
  }

  /** The sandbox's demo: a release waiting at its approval gate. */
  public SimulatedWorkflow seedDemo() {
    return addWaiting(
        "demo",
        "release-checkout-2-8-0",
        "ship-checkout",
        "alice",
        Map.of("version", "2.8.0", "note", "simulated by the sandbox, no cluster"),
        "approve-rollout",
        Map.of("target", "prod-eu"));
  }

  public synchronized SimulatedWorkflow workflow(String namespace, String name) {
    return workflows.get(namespace + "/" + name);
  }

  /** Someone ran {@code argo resume} on the workflow's gate. */
  public synchronized void resumeOutside(String namespace, String name) {
    workflow(namespace, name).gate().phase = "Succeeded";
  }

  /** After its resume, the workflow fails at a new step {@code node}. */
  public synchronized void failAfterResume(String namespace, String name, String node) {
    workflow(namespace, name).failAt = node;
  }

  /**
   * The next workflow submitted from {@code template} fails at a new Pod node {@code node} with
   * Argo's node {@code message}, e.g. {@code OOMKilled (exit code 137)}.
   */
  public synchronized void failNext(String template, String node, String message) {
    failures.put(template, new SimulatedSubmit.Failure(node, message));
  }

  /** The {@code POST …/submit} calls, in order. */
  public List<Call> submits() {
    return calls.stream()
        .filter(c -> c.method().equals("POST") && c.path().endsWith("/submit"))
        .toList();
  }

  SimulatedSubmit.Failure takeFailure(String template) {
    return failures.remove(template);
  }

  int nextUid() {
    return ++uids;
  }

  void put(SimulatedWorkflow w) {
    workflows.put(w.namespace + "/" + w.name, w);
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The PUT calls ({@code set}, {@code resume}, {@code stop}), in order. */
  public List<Call> puts() {
    return calls.stream().filter(c -> c.method().equals("PUT")).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void api(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getPath();
    calls.add(new Call(ex.getRequestMethod(), path, body));
    String[] p = path.substring("/api/v1/workflows/".length()).split("/");
    Reply r;
    synchronized (this) {
      try {
        r = route(ex.getRequestMethod(), p, ex.getRequestURI().getRawQuery(), body);
      } catch (IOException | RuntimeException e) {
        r = Reply.error(400, 3, "bad request: " + e.getMessage());
      }
    }
    send(ex, r.status(), "application/json", JSON.writeValueAsBytes(r.json()));
  }

  record Reply(int status, Object json) {
    static Reply error(int status, int code, String message) {
      return new Reply(status, Map.of("code", code, "message", message));
    }
  }

  private Reply route(String method, String[] p, String query, String body) throws IOException {
    if (p.length == 1 && method.equals("GET")) {
      return list(p[0], SimulatedGates.param(query, "listOptions.labelSelector"));
    }
    if (p.length == 2 && p[1].equals("submit") && method.equals("POST")) {
      return SimulatedSubmit.submit(this, p[0], JSON.readTree(body));
    }
    SimulatedWorkflow w = p.length >= 2 ? workflows.get(p[0] + "/" + p[1]) : null;
    if (p.length >= 2 && w == null) {
      return Reply.error(404, 5, "workflows.argoproj.io \"" + p[1] + "\" not found");
    }
    if (p.length == 2 && method.equals("GET")) {
      if (w.readsUntilEnd > 0 && --w.readsUntilEnd == 0) {
        w.end();
      }
      return new Reply(200, w.json());
    }
    if (p.length == 3 && method.equals("PUT")) {
      return apply(w, p[2], JSON.readTree(body));
    }
    return Reply.error(404, 5, "Not Found");
  }

  private Reply list(String namespace, String selector) {
    List<Object> items = new ArrayList<>();
    for (SimulatedWorkflow w : workflows.values()) {
      if (w.namespace.equals(namespace) && SimulatedGates.matches(selector, w.effectiveLabels())) {
        items.add(w.json());
      }
    }
    return new Reply(200, Map.of("metadata", Map.of(), "items", items));
  }

  /** {@code set}, {@code resume} and {@code stop} as Argo's {@code updateSuspendedNode}. */
  private Reply apply(SimulatedWorkflow w, String op, JsonNode req) throws IOException {
    String selector = req.path("nodeFieldSelector").asText("");
    if (!List.of("set", "resume", "stop").contains(op) || selector.isEmpty()) {
      return Reply.error(400, 3, "the simulation only takes node-level set, resume and stop");
    }
    List<SimulatedWorkflow.Node> targets =
        w.nodes.values().stream()
            .filter(n -> n.type.equals("Suspend") && n.phase.equals("Running"))
            .filter(n -> SimulatedGates.matchesNode(selector, n))
            .toList();
    if (targets.isEmpty()) {
      return Reply.error(
          500,
          13,
          "currently, set only targets suspend nodes: no suspend nodes matching nodeFieldSelector: "
              + selector);
    }
    Map<String, String> outputs = Map.of();
    String text = req.path("outputParameters").asText("");
    if (!text.isEmpty()) {
      outputs = JSON.readValue(text, new TypeReference<Map<String, String>>() {});
    }
    for (SimulatedWorkflow.Node n : targets) {
      for (String name : outputs.keySet()) {
        if (!n.suppliedOutputs.contains(name) || n.outputs.containsKey(name)) {
          return Reply.error(500, 13, "node is not expecting output parameter '" + name + "'");
        }
      }
    }
    String message = req.path("message").asText("");
    for (SimulatedWorkflow.Node n : targets) {
      n.outputs.putAll(outputs);
      if (!message.isEmpty()) {
        n.message = message;
      }
      if (op.equals("resume")) {
        n.phase = "Succeeded";
        w.readsUntilEnd = 2;
      } else if (op.equals("stop")) {
        n.phase = "Failed";
        w.phase = "Failed";
        w.nodes.get(w.name).phase = "Failed";
        w.message = "child '" + n.id + "' failed";
      }
    }
    return new Reply(200, w.json());
  }

  /** A small page per workflow, so the card's "Open in the Argo UI" link leads somewhere. */
  private void page(HttpExchange ex) throws IOException {
    String[] p = ex.getRequestURI().getPath().substring("/workflows/".length()).split("/");
    SimulatedWorkflow w;
    String json;
    synchronized (this) {
      w = p.length == 2 ? workflows.get(p[0] + "/" + p[1]) : null;
      json = w == null ? "" : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(w.json());
    }
    String html =
        "<!doctype html><meta charset=utf-8><title>Simulated Argo</title>"
            + "<h1>Simulated Argo Server</h1><p><b>This is a simulation in the Greenlight sandbox"
            + " process: no cluster, no pods.</b> It answers the Argo Server REST API the way Argo"
            + " does for suspend gates.</p>"
            + (w == null ? "<p>No such workflow.</p>" : "<pre>" + escape(json) + "</pre>");
    send(
        ex,
        w == null ? 404 : 200,
        "text/html; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static void send(HttpExchange ex, int status, String type, byte[] bytes)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
