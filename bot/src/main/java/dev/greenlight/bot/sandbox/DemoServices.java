package dev.greenlight.bot.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Sick demo services for the sandbox: every service answers its health probe with 503 until a
 * runbook action ran for it, then recovers after a short while. {@code payments-api} never
 * recovers, to show escalation. Actions honour {@code Idempotency-Key}: a repeat is acknowledged,
 * not applied again.
 */
public final class DemoServices implements AutoCloseable {
  /** The service that stays sick whatever is done to it. */
  public static final String STUBBORN = "payments-api";

  private final HttpServer server;
  private final Clock clock;
  private final Duration recovery;
  private final Map<String, Long> fixedAt = new ConcurrentHashMap<>();
  private final Set<String> appliedKeys = ConcurrentHashMap.newKeySet();

  private DemoServices(HttpServer server, Clock clock, Duration recovery) {
    this.server = server;
    this.clock = clock;
    this.recovery = recovery;
  }

  /** Starts on 127.0.0.1:{@code port} (0: any free port). */
  public static DemoServices start(int port, Duration recovery) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    DemoServices demo = new DemoServices(http, Clock.systemUTC(), recovery);
    http.createContext("/actions/", demo::action);
    http.createContext("/health/", demo::health);
    http.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "demo-services");
              t.setDaemon(true);
              return t;
            }));
    http.start();
    return demo;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many actions were applied (repeats with the same idempotency key excluded). */
  public int appliedActions() {
    return appliedKeys.size();
  }

  private void action(HttpExchange ex) throws IOException {
    try (ex) {
      String service = query(ex, "service");
      if (!ex.getRequestMethod().equals("POST") || service == null) {
        send(ex, 400, "{\"error\":\"POST /actions/<name>?service=<service>\"}");
        return;
      }
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      if (key != null && !appliedKeys.add(key)) {
        send(ex, 200, "{\"status\":\"already applied\"}");
        return;
      }
      fixedAt.putIfAbsent(service, clock.millis());
      send(ex, 202, "{\"status\":\"applied\",\"service\":\"" + service.replace("\"", "") + "\"}");
    }
  }

  private void health(HttpExchange ex) throws IOException {
    try (ex) {
      String service = ex.getRequestURI().getPath().substring("/health/".length());
      Long fixed = fixedAt.get(service);
      boolean healthy =
          !service.equals(STUBBORN)
              && fixed != null
              && clock.millis() - fixed >= recovery.toMillis();
      send(ex, healthy ? 200 : 503, healthy ? "{\"status\":\"ok\"}" : "{\"status\":\"unhealthy\"}");
    }
  }

  private static String query(HttpExchange ex, String name) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
