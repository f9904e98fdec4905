package dev.greenlight.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's HTTP server on 127.0.0.1, serving the Web API, response_urls and the page on daemon
 * threads.
 */
final class SandboxHttp {
  private final HttpServer http;
  private final ExecutorService executor;

  /** Binds {@code port} (0: any free port) without serving yet. */
  SandboxHttp(int port) {
    // Unbounded (cached) pool: the page's Server-Sent Events streams each hold a thread for as long
    // as a browser tab is open, and must never starve Web API calls or response_urls.
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    try {
      this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the sandbox Web API", e);
    }
    http.setExecutor(executor);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321} (no trailing '/'). */
  String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Serves requests under {@code path} with {@code handler}. */
  void route(String path, HttpHandler handler) {
    http.createContext(path, handler);
  }

  /**
   * Starts Socket Mode, then serves HTTP. If Socket Mode cannot start, HTTP is stopped too.
   *
   * @throws RuntimeException whatever the hub threw
   */
  void start(SocketModeHub hub) {
    try {
      hub.start();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    http.start();
  }

  /** Stops serving and ends the request threads. */
  void stop() {
    http.stop(0);
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "slack-sandbox-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
