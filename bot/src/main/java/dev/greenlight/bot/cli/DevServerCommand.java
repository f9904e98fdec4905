package dev.greenlight.bot.cli;

import dev.greenlight.worker.DevServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A standalone in-memory Temporal dev server, so bot and worker can restart independently. */
@Command(
    name = "dev-server",
    mixinStandardHelpOptions = true,
    description =
        "Run the SDK's Temporal test server standalone (in memory: a restart loses every incident).")
final class DevServerCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DevServerCommand.class);

  @Option(
      names = "--port",
      defaultValue = "7233",
      description = "gRPC port (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default ${DEFAULT-VALUE}). The dev server has no authentication:"
              + " anyone who reaches it can signal approvals.")
  String bind;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port must be from 1 to 65535 (got " + port + ")");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--bind: '" + bind + "' is not an address of this machine");
    }
    DevServer server = DevServer.start(address, port);
    if (!server.loopbackOnly()) {
      log.warn(
          "The dev server listens on {}, beyond this machine, and has no authentication: anyone who"
              + " reaches the port can start incidents and signal approvals. Use a real Temporal"
              + " cluster with mTLS or API keys for anything shared.",
          bind);
    }
    log.warn(
        "Temporal dev server listening on {}. Its state lives in memory: stopping or restarting it loses "
            + "every incident. Point bot and worker at it with TEMPORAL_ADDRESS={}",
        server.address(),
        server.address());
    return UntilStopped.await(server, "dev-server");
  }
}
