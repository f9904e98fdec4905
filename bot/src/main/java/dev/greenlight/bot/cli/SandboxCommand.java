package dev.greenlight.bot.cli;

import dev.greenlight.bot.sandbox.Sandbox;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Try Greenlight in a browser with no Slack workspace. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description =
        "Run everything locally (Slack-compatible server, Temporal, worker, bot, demo services)"
            + " and serve a chat page to try incidents in.")
final class SandboxCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "3000",
      description = "page port on 127.0.0.1 (default ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be from 0 to 65535 (got " + port + ")");
    }
    Sandbox sandbox = Sandbox.start(port);
    System.out.println();
    System.out.println("  Greenlight sandbox is running: open " + sandbox.url());
    System.out.println(
        "  Users: alice (requester), bob (approver), carol (on-call lead, approver).");
    System.out.println(
        "  Try:   /remediate checkout-api pods OOMKilled and restarting since 14:02");
    System.out.println(
        "  Argo:  #argo-gates-simulated has a workflow of a SIMULATED Argo Server waiting at a"
            + " suspend gate: approve it as bob.");
    System.out.println(
        "  Metrics: " + sandbox.managementUrl() + "/metrics (probes: /healthz, /readyz)");
    System.out.println("  Everything lives in memory; Ctrl-C stops it.");
    System.out.println();
    return UntilStopped.await(sandbox, "sandbox");
  }
}
