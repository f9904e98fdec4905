package dev.greenlight.bot.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The simulated cluster's API server: the JDK's own HTTP server on 127.0.0.1, handing every request
 * to fabric8's CRUD dispatcher (through {@link ClusterDispatcher}). fabric8's mock server itself is
 * not used: it brings Vert.x, Netty and Bouncy Castle, which the executable jar has no room for,
 * and the dispatcher needs none of them.
 */
final class ClusterHttp implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClusterHttp.class);
  private final HttpServer server;

  private ClusterHttp(HttpServer server) {
    this.server = server;
  }

  static ClusterHttp start(ClusterDispatcher dispatcher) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> serve(dispatcher, ex));
    http.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "simulated-kube-api");
              t.setDaemon(true);
              return t;
            }));
    http.start();
    return new ClusterHttp(http);
  }

  /** The API server's URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void serve(ClusterDispatcher dispatcher, HttpExchange ex) throws IOException {
    try (ex) {
      answer(dispatcher, ex);
    } catch (RuntimeException e) {
      log.warn("Simulated Kubernetes API failed on {}", ex.getRequestURI(), e);
      throw e;
    }
  }

  private static void answer(ClusterDispatcher dispatcher, HttpExchange ex) throws IOException {
    {
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      Headers.Builder headers = Headers.builder();
      for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
        h.getValue().forEach(v -> headers.add(h.getKey(), v));
      }
      RecordedRequest request =
          new RecordedRequest(
              "HTTP/1.1",
              null,
              query == null ? path : path + "?" + query,
              headers.build(),
              new Buffer(ex.getRequestBody().readAllBytes()));
      MockResponse response = dispatcher.dispatch(ex.getRequestMethod(), request);
      byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
      response.getHeaders().toMultimap().forEach((k, v) -> ex.getResponseHeaders().put(k, v));
      if (!ex.getResponseHeaders().containsKey("Content-Type")) {
        ex.getResponseHeaders().set("Content-Type", "application/json");
      }
      ex.sendResponseHeaders(response.code(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
