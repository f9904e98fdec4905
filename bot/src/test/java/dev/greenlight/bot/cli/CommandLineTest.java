package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

  @Test
  void helpListsEverySubcommandAndEnvironmentVariable() {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "run",
            "bot",
            "worker",
            "dev-server",
            "sandbox",
            "eval",
            "SLACK_BOT_TOKEN",
            "SLACK_APP_TOKEN",
            "SLACK_API_URL",
            "GREENLIGHT_CONFIG",
            "TEMPORAL_ADDRESS",
            "TEMPORAL_NAMESPACE",
            "GREENLIGHT_LLM_API_KEY",
            "GREENLIGHT_CLASSIFIER");
  }

  @Test
  void theHelpSaysAnInMemoryTemporalDoesNotKeepWaitingIncidents() {
    CommandLine cli = Main.commandLine();
    StringWriter run = new StringWriter();
    cli.setOut(new PrintWriter(run));
    assertThat(cli.execute("run", "--help")).isZero();
    assertThat(run.toString().replaceAll("\\s+", " "))
        .contains("do not survive a restart", "TEMPORAL_ADDRESS", "--db-filename");

    StringWriter root = new StringWriter();
    cli.setOut(new PrintWriter(root));
    assertThat(cli.execute("--help")).isZero();
    assertThat(root.toString().replaceAll("\\s+", " "))
        .contains("waiting incidents do not survive a restart");
  }

  @Test
  void badConfigFileStopsBeforeAnythingStartsWithExitCode2() {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("run", "--config", "/nonexistent/greenlight.yml")).isEqualTo(2);
    assertThat(err.toString())
        .contains("greenlight: config file /nonexistent/greenlight.yml does not exist");
  }

  @Test
  void devServerRejectsAnImpossiblePort() {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("dev-server", "--port", "70000")).isEqualTo(2);
    assertThat(err.toString()).contains("--port must be from 1 to 65535 (got 70000)");
  }

  @Test
  void devServerRejectsABindAddressThatIsNotAnAddress() {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("dev-server", "--port", "7299", "--bind", "no such host.invalid"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--bind: 'no such host.invalid' is not an address");
  }
}
