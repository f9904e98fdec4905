package dev.greenlight.bot.cli;

import dev.greenlight.bot.Greenlight;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs some of Greenlight's parts until the process is stopped. */
abstract class PartCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config (overrides GREENLIGHT_CONFIG)")
  Path config;

  abstract Greenlight.Mode mode();

  @Override
  public Integer call() throws Exception {
    return UntilStopped.await(Greenlight.start(mode(), System.getenv(), config), "greenlight");
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Bot and worker in one process (default).",
        "Without TEMPORAL_ADDRESS it starts an embedded Temporal server that keeps",
        "everything in memory: incidents waiting for approval do not survive a",
        "restart. For anything real, set TEMPORAL_ADDRESS to a durable Temporal",
        "(temporal server start-dev --db-filename FILE, a cluster, Temporal Cloud)."
      })
  static final class Run extends PartCommand {
    @Override
    Greenlight.Mode mode() {
      return Greenlight.Mode.RUN;
    }
  }

  @Command(
      name = "bot",
      mixinStandardHelpOptions = true,
      description = "Only the Slack bot (needs TEMPORAL_ADDRESS).")
  static final class Bot extends PartCommand {
    @Override
    Greenlight.Mode mode() {
      return Greenlight.Mode.BOT;
    }
  }

  @Command(
      name = "worker",
      mixinStandardHelpOptions = true,
      description = "Only the Temporal worker (needs TEMPORAL_ADDRESS).")
  static final class Worker extends PartCommand {
    @Override
    Greenlight.Mode mode() {
      return Greenlight.Mode.WORKER;
    }
  }
}
