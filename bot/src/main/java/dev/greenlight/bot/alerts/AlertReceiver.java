package dev.greenlight.bot.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.bot.ops.HttpListeners;
import dev.greenlight.bot.slack.TemporalUnreachable;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert webhook (the JDK's HTTP server, like the management server): {@value #ALERTMANAGER} for
 * Alertmanager and {@value #GENERIC} for a generic JSON source. Only POST with the bearer token
 * (401 otherwise), at most the configured body size (413), a body that parses (400 with the reason;
 * nothing starts). 503 when Temporal cannot be reached, so the sender retries.
 */
final class AlertReceiver implements AutoCloseable {
  static final String ALERTMANAGER = "/alerts/alertmanager";
  static final String GENERIC = "/alerts/generic";

  private static final Logger log = LoggerFactory.getLogger(AlertReceiver.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Turns a body into alerts, or says why not. */
  interface Parser {
    List<Alert> parse(byte[] body) throws BadPayload;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final ReceiverSettings settings;
  private final byte[] token;
  private final AlertRouter router;
  private final MeterRegistry meters;

  private AlertReceiver(
      HttpServer server,
      ExecutorService executor,
      ReceiverSettings settings,
      AlertRouter router,
      MeterRegistry meters) {
    this.server = server;
    this.executor = executor;
    this.settings = settings;
    this.token = ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
    this.router = router;
    this.meters = meters;
  }

  /**
   * Binds and starts serving; {@code generic} null: {@value #GENERIC} answers 404.
   *
   * @throws IllegalStateException when the address cannot be bound (naming the variable)
   */
  static AlertReceiver start(
      ReceiverSettings settings, AlertRouter router, Parser generic, MeterRegistry meters) {
    HttpServer server =
        HttpListeners.bind(
            "the alert receiver",
            settings.bind(),
            settings.port(),
            32,
            ReceiverSettings.PORT_VARIABLE);
    ExecutorService executor = HttpListeners.daemonPool(4, "greenlight-alerts");
    AlertReceiver receiver = new AlertReceiver(server, executor, settings, router, meters);
    server.createContext(ALERTMANAGER, ex -> receiver.handle(ex, AlertmanagerPayload::parse));
    if (generic != null) {
      server.createContext(GENERIC, ex -> receiver.handle(ex, generic));
    }
    server.setExecutor(executor);
    server.start();
    if (settings.isLoopback()) {
      log.info("Alert receiver on {}{}", receiver.url(), ALERTMANAGER);
    } else {
      log.warn(
          "Alert receiver on {}{} is reachable from other machines ({}={}); it requires the bearer"
              + " token, put TLS in front of it",
          receiver.url(),
          ALERTMANAGER,
          ReceiverSettings.BIND_VARIABLE,
          settings.bind());
    }
    return receiver;
  }

  private void handle(HttpExchange ex, Parser parser) throws IOException {
    try (ex) {
      if (!ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath())) {
        answer(ex, 404, Map.of("status", "not found"));
      } else if (!ex.getRequestMethod().equals("POST")) {
        ex.getResponseHeaders().set("Allow", "POST");
        answer(ex, 405, Map.of("status", "method not allowed"));
      } else if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"greenlight\"");
        answer(
            ex,
            401,
            Map.of("status", "unauthorized", "reason", "a valid bearer token is required"));
      } else {
        byte[] body = RequestBodies.read(ex, settings.maxBytes());
        if (body == null) {
          answer(ex, 413, Map.of("status", "too large", "reason", tooLarge()));
        } else {
          route(ex, parser, body);
        }
      }
    } catch (RuntimeException e) {
      log.error("Alert request failed", e);
      answer(ex, 500, Map.of("status", "error", "reason", "internal error; see the bot's log"));
    }
  }

  private void route(HttpExchange ex, Parser parser, byte[] body) throws IOException {
    List<Alert> alerts;
    try {
      alerts = parser.parse(body);
    } catch (BadPayload e) {
      log.info("Alert payload refused: {}", e.getMessage());
      answer(ex, 400, Map.of("status", "bad request", "reason", e.getMessage()));
      return;
    }
    try {
      AlertRouter.Counts c = router.route(alerts);
      log.info("Alerts received: {} ({})", alerts.size(), c);
      count("started", c.started());
      count("repeated", c.repeated());
      count("joined", c.joined());
      count("resolved", c.resolved());
      count("held_back", c.heldBack());
      count("unknown_service", c.unknown());
      count("ignored", c.ignored());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("status", "ok");
      out.put("started", c.started());
      out.put("repeated", c.repeated());
      out.put("joined", c.joined());
      out.put("resolved", c.resolved());
      out.put("heldBack", c.heldBack());
      out.put("unknownService", c.unknown());
      out.put("ignored", c.ignored());
      answer(ex, 200, out);
    } catch (TemporalUnreachable e) {
      answer(
          ex,
          503,
          Map.of(
              "status",
              "unavailable",
              "reason",
              "Temporal is not reachable (" + e.error() + "); send again"));
    }
  }

  private void count(String outcome, int n) {
    if (n > 0) {
      meters.counter(Meters.ALERTS, "outcome", outcome).increment(n);
    }
  }

  private boolean authorized(String header) {
    return header != null
        && MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8), token);
  }

  private String tooLarge() {
    return "the body is larger than "
        + settings.maxBytes()
        + " bytes ("
        + ReceiverSettings.MAX_BYTES_VARIABLE
        + ")";
  }

  private void answer(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
    if (status >= 400 && status != 404 && status != 405) {
      meters.counter(Meters.ALERTS_REFUSED, "status", String.valueOf(status)).increment();
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** {@code http://host:port}, without a path. */
  String url() {
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
