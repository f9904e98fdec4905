package dev.greenlight.worker;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The SDK's Temporal test server on a loopback port, with real time (time skipping locked). Its
 * state lives in memory: a restart loses every workflow.
 */
public final class DevServer implements AutoCloseable {
  private final TestServer.PortBoundTestServer server;
  private final int port;

  private DevServer(TestServer.PortBoundTestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts on {@code port}, or on a free port when it is 0. */
  public static DevServer start(int port) {
    int actual = port == 0 ? freePort() : port;
    return new DevServer(TestServer.createPortBoundServer(actual, true), actual);
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.close();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the embedded Temporal server", e);
    }
  }
}
