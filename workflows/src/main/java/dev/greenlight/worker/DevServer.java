package dev.greenlight.worker;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's Temporal test server with real time (time skipping locked), on loopback unless told
 * otherwise: it has no authentication, so whoever reaches its port could signal approvals. Its
 * state lives in memory: a restart loses every workflow.
 *
 * <p>The SDK's own {@code TestServer.createPortBoundServer} listens on every interface; this builds
 * the same services (the SDK's {@code TestServicesStarter} and health checks) on one address.
 */
public final class DevServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server grpc;
  private final InetAddress bind;
  private final int port;

  private DevServer(TestServicesStarter services, Server grpc, InetAddress bind, int port) {
    this.services = services;
    this.grpc = grpc;
    this.bind = bind;
    this.port = port;
  }

  /** Starts on loopback, on {@code port}, or on a free port when it is 0. */
  public static DevServer start(int port) {
    return start(InetAddress.getLoopbackAddress(), port);
  }

  /** Starts on {@code bind}, on {@code port}, or on a free port when it is 0. */
  public static DevServer start(InetAddress bind, int port) {
    int actual = port == 0 ? freePort() : port;
    TestServicesStarter services = new TestServicesStarter(true, 0);
    ServerBuilder<?> builder = NettyServerBuilder.forAddress(new InetSocketAddress(bind, actual));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      return new DevServer(services, builder.build().start(), bind, actual);
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "the Temporal dev server cannot listen on " + bind.getHostAddress() + ":" + actual, e);
    }
  }

  /** Where clients reach it: loopback when it listens on every interface. */
  public String address() {
    String host = bind.isAnyLocalAddress() ? "127.0.0.1" : bind.getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  public int port() {
    return port;
  }

  /** Whether only this machine can reach it. */
  public boolean loopbackOnly() {
    return bind.isLoopbackAddress();
  }

  /** The addresses it listens on. */
  public List<? extends SocketAddress> listening() {
    return grpc.getListenSockets();
  }

  @Override
  public void close() {
    grpc.shutdown();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      grpc.shutdownNow();
      services.close();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the embedded Temporal server", e);
    }
  }
}
