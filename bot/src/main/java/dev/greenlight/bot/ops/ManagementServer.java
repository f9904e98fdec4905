package dev.greenlight.bot.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP server (the JDK's): {@code /metrics} in Prometheus's text format, {@code
 * /healthz} (alive) and {@code /readyz} (ready, or 503 with a one-line JSON reason) for Kubernetes'
 * probes. Loopback unless {@link ManagementSettings#BIND_VARIABLE} says otherwise.
 */
public final class ManagementServer implements AutoCloseable {
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  static final String JSON = "application/json";

  private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private ManagementServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts serving.
   *
   * @throws IllegalStateException when the address cannot be bound (the message names the variable
   *     to change)
   */
  public static ManagementServer start(
      ManagementSettings settings, PrometheusMeterRegistry registry, Readiness readiness) {
    HttpServer server =
        HttpListeners.bind(
            "the management server",
            settings.bind(),
            settings.port(),
            16,
            ManagementSettings.PORT_VARIABLE);
    server.createContext(
        ManagementSettings.METRICS_PATH, ex -> answer(ex, 200, TEXT_FORMAT, registry.scrape()));
    server.createContext(
        ManagementSettings.HEALTH_PATH, ex -> answer(ex, 200, JSON, "{\"status\":\"ok\"}"));
    server.createContext(ManagementSettings.READY_PATH, ex -> ready(ex, readiness));
    ExecutorService executor = HttpListeners.daemonPool(2, "greenlight-management");
    server.setExecutor(executor);
    server.start();
    ManagementServer started = new ManagementServer(server, executor);
    if (settings.isLoopback()) {
      log.info(
          "Management server on {} ({}, {}, {})",
          started.url(),
          ManagementSettings.METRICS_PATH,
          ManagementSettings.HEALTH_PATH,
          ManagementSettings.READY_PATH);
    } else {
      log.warn(
          "Management server on {} is reachable from other machines ({}={}): /metrics and the"
              + " probes need no authentication",
          started.url(),
          ManagementSettings.BIND_VARIABLE,
          settings.bind());
    }
    return started;
  }

  private static void ready(HttpExchange ex, Readiness readiness) throws IOException {
    Optional<String> problem = readiness.problem();
    if (problem.isEmpty()) {
      answer(ex, 200, JSON, "{\"status\":\"ready\"}");
    } else {
      answer(
          ex, 503, JSON, "{\"status\":\"not ready\",\"reason\":\"" + json(problem.get()) + "\"}");
    }
  }

  /** Only GET and HEAD, and only the exact path: anything else is 405 or 404. */
  private static void answer(HttpExchange ex, int status, String type, String body)
      throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
        status = 404;
        type = JSON;
        body = "{\"status\":\"not found\"}";
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        status = 405;
        type = JSON;
        body = "{\"status\":\"method not allowed\"}";
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      if (method.equals("HEAD")) {
        ex.sendResponseHeaders(status, -1);
        return;
      }
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** A JSON string's content: quotes, backslashes and control characters escaped. */
  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** The port it listens on (the chosen one when the settings said 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://host:port}, without a path. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
