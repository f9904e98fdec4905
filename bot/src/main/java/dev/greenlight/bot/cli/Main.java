package dev.greenlight.bot.cli;

import picocli.CommandLine;

/**
 * The executable jar's entry point: {@code run} (default), {@code bot}, {@code worker}, {@code
 * dev-server}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RootCommand());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("greenlight: " + e.getMessage());
          return 2;
        });
    return cli;
  }
}
