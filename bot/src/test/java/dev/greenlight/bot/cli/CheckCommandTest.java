package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code greenlight check}, as a team's CI runs it before deploying a catalog change. */
class CheckCommandTest {
  private static final String CATALOG =
      """
      services: [checkout-api, payments-api]
      approvers: [U0ALICE, S0SRE]
      on-call: U0CAROL
      channel: C0INCIDENTS
      classifier: {mode: both, base-url: 'http://localhost:11434/v1', model: llama3}
      approvals:
        high: {required: 2, timeout: 2h, escalation: [{after: 30m, notify: [on-call, S0LEADS]}]}
      runbooks:
        - id: restart-oom-pods
          label: oom-killed
          risk: medium
          examples: [pods OOMKilled]
          action:
            url: https://deploy.internal/restart?service={service}&incident={incident}
          verify:
            url: https://{service}.internal/healthz
        - id: rollback-deploy
          label: bad-deploy
          risk: high
          approvers: [S0RELEASE]
          examples: [5xx since the release]
          action: {type: http, method: PUT, url: 'https://deploy.internal/rollback/{service}'}
          verify: {url: 'https://{service}.internal/healthz', timeout: 3m}
      """;

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run check(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine();
    CheckCommand command = cli.getSubcommands().get("check").getCommand();
    command.env = env;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 1];
    full[0] = "check";
    System.arraycopy(args, 0, full, 1, args.length);
    int code = cli.execute(full);
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("greenlight.yml"), yaml);
  }

  @Test
  void anAlertsSectionIsSummedUpAndAHintOutsideTheCatalogIsRefused() throws IOException {
    Run ok =
        check(
            Map.of(),
            "--config",
            write(CATALOG + "alerts: {hints: {PodsOOMKilled: restart-oom-pods}, max-open: 5}\n")
                .toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out())
        .contains(
            "Alerts: cards to C0INCIDENTS; service from service, deployment, job; 1 hints; at most 1"
                + " open per service, 5 in all; receiver needs GREENLIGHT_ALERTS_TOKEN");

    Run bad =
        check(
            Map.of(),
            "--config",
            write(CATALOG + "alerts: {hints: {PodsOOMKilled: restart-all}}\n").toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err())
        .contains("alerts.hints.PodsOOMKilled: 'restart-all' is not a runbook id in the catalog");
  }

  @Test
  void validFileExitsZeroAndPrintsEachRunbookOnOneLine() throws IOException {
    Path file = write(CATALOG);

    Run r = check(Map.of(), "--config", file.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("Checking " + file + " (--config)")
        .contains("Services: checkout-api, payments-api")
        .contains(
            "  restart-oom-pods: label oom-killed, medium risk; http POST"
                + " https://deploy.internal/restart?service={service}&incident={incident};"
                + " verify http; approvers U0ALICE, S0SRE"
                + System.lineSeparator())
        .contains(
            "  rollback-deploy: label bad-deploy, high risk; http PUT"
                + " https://deploy.internal/rollback/{service}; verify http; approvers S0RELEASE"
                + " (this runbook's own)")
        .contains("  low    1 approver, self-approval allowed, timeout 4h, ladder [15m: approvers]")
        .contains(
            "  high   2 approvers, no self-approval, timeout 2h, ladder [30m: on-call, S0LEADS]")
        .contains(
            "Classifier: both, strategy nearest, LLM llama3 at http://localhost:11434/v1, key in"
                + " $GREENLIGHT_LLM_API_KEY, timeout 10s, 3 attempts")
        .contains("OK: " + file + " is valid (2 services, 2 runbooks)");
  }

  @Test
  void badFileExitsOneWithTheKeyAndTheFile() throws IOException {
    Path file = write(CATALOG.replace("{type: http, method: PUT", "{type: kubrnetes, method: PUT"));

    Run r = check(Map.of(), "--config", file.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "greenlight: runbooks[1].action.type: unknown action type 'kubrnetes' (known: argo, http, kubernetes)"
                + " (in "
                + file
                + ")"
                + System.lineSeparator());
    assertThat(r.out()).doesNotContain("OK:", "Runbooks:");
  }

  @Test
  void missingFileExitsOneWithOneClearLineAndNoStackTrace() {
    Path missing = dir.resolve("nope.yml");

    Run r = check(Map.of(), "--config", missing.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("greenlight: config file " + missing + " does not exist");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void withoutConfigTheEnvironmentVariableIsUsedAndNamed() throws IOException {
    Path file = write(CATALOG.replace("on-call: U0CAROL", "on-call: S0ONCALL"));

    Run r = check(Map.of("GREENLIGHT_CONFIG", file.toString()));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("Checking " + file + " (GREENLIGHT_CONFIG)");
    assertThat(r.err())
        .contains("on-call: 'S0ONCALL' is not a Slack user ID")
        .contains(file.toString());
  }

  @Test
  void withNeitherTheBuiltInDemoIsCheckedAndSaidSo() {
    Run r = check(Map.of());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Checking the built-in demo config (no --config, GREENLIGHT_CONFIG unset)")
        .contains(
            "  flush-cache: label stale-cache, low risk; http POST"
                + " http://127.0.0.1:8088/actions/flush-cache?service={service}; verify http;"
                + " approvers U0ALICE, U0BOB")
        .contains("Classifier: local, strategy nearest")
        .contains("OK: built-in demo config is valid (4 services, 3 runbooks)");
  }

  @Test
  void rootHelpListsTheCheckCommand() {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("check", "greenlight check --config FILE");
  }
}
