package dev.greenlight.bot.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What the bot's own HTTP servers (management, alert receiver) share: binding and threads. */
public final class HttpListeners {
  private HttpListeners() {}

  /**
   * A JDK HTTP server bound to {@code bind:port}, not started yet.
   *
   * @param what the server, as the failure names it (e.g. "the alert receiver")
   * @param portVariable the environment variable to change when the port is taken
   * @throws IllegalStateException when the address cannot be bound, naming the variable
   */
  public static HttpServer bind(
      String what, String bind, int port, int backlog, String portVariable) {
    try {
      return HttpServer.create(new InetSocketAddress(bind, port), backlog);
    } catch (IOException e) {
      throw new IllegalStateException(
          what
              + " cannot listen on "
              + bind
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): set "
              + portVariable
              + " to a free port, or 0 for any",
          e);
    }
  }

  /** A fixed pool of {@code threads} daemon threads named {@code name}. */
  public static ExecutorService daemonPool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}
