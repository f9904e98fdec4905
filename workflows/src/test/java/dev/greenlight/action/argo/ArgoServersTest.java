package dev.greenlight.action.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.action.ActionKinds;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import dev.greenlight.config.ArgoAction;
import dev.greenlight.config.ArgoServer;
import dev.greenlight.config.ArgoSettings;
import dev.greenlight.config.ArgoVerify;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.HttpAction;
import dev.greenlight.config.Runbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers are built at worker start: the token comes from the named environment variable (the
 * worker refuses to start without it), a bad CA file or an unknown server name stops the worker,
 * and the kind plugs into {@link ActionKinds} like any other.
 */
class ArgoServersTest {
  private static final ArgoServer SERVER =
      new ArgoServer("https://argo.example", null, "ARGO_TOKEN", null, false, null);

  private static Runbook runbook(String id, ArgoAction action, ArgoVerify verify) {
    return new Runbook(
        id,
        "oom",
        Risk.MEDIUM,
        "",
        List.of("pods OOMKilled"),
        action,
        verify,
        List.<Principal>of());
  }

  @Test
  void aTokenVariableThatIsNotSetStopsTheWorkerNamingTheKeyAndVariable() {
    assertThatThrownBy(
            () ->
                ArgoServers.from(
                    new ArgoSettings(Map.of("prod", SERVER)), Map.of(), new OkHttpClient()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("argo.servers.prod.token-env: environment variable ARGO_TOKEN is not set");
  }

  @Test
  void aMissingCaFileStopsTheWorker() {
    ArgoServer tls =
        new ArgoServer("https://argo.example", null, null, "/no/such/ca.pem", false, null);

    assertThatThrownBy(
            () ->
                ArgoServers.from(
                    new ArgoSettings(Map.of("prod", tls)), Map.of(), new OkHttpClient()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("argo.servers.prod.ca-file: /no/such/ca.pem does not exist");
  }

  @Test
  void aFileWithoutCertificatesStopsTheWorker(@TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "not a cert");
    ArgoServer tls =
        new ArgoServer("https://argo.example", null, null, pem.toString(), false, null);

    assertThatThrownBy(
            () ->
                ArgoServers.from(
                    new ArgoSettings(Map.of("prod", tls)), Map.of(), new OkHttpClient()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("argo.servers.prod.ca-file: " + pem);
  }

  @Test
  void aTokenThatAlreadySaysBearerIsSentAsIs() throws Exception {
    try (FakeArgoServer argo = new FakeArgoServer()) {
      argo.template(ArgoFixtures.NS, ArgoFixtures.TEMPLATE)
          .plan(ArgoFixtures.TEMPLATE, 0, FakeWorkflow::succeed);
      ArgoServers servers =
          ArgoServers.from(
              new ArgoSettings(Map.of("default", argo.settings())),
              Map.of(FakeArgoServer.TOKEN_ENV, "Bearer " + FakeArgoServer.TOKEN + "\n"),
              new OkHttpClient());

      new ArgoActionExecutor(servers)
          .run(ArgoFixtures.action(), ArgoFixtures.context(new ArrayList<>()));

      assertThat(argo.calls())
          .isNotEmpty()
          .allMatch(c -> ("Bearer " + FakeArgoServer.TOKEN).equals(c.authorization()));
    }
  }

  @Test
  void aRunbookNamingAnUnknownServerStopsTheWorker() {
    ArgoServers servers =
        ArgoServers.from(
            new ArgoSettings(Map.of("default", SERVER)),
            Map.of("ARGO_TOKEN", "t"),
            new OkHttpClient());
    ArgoAction action = new ArgoAction("staging", "ns", "fix", false, null, null);
    ArgoVerify verify = new ArgoVerify(null, "ns", null, false, null, null);

    assertThatThrownBy(() -> servers.requireAll(List.of(runbook("fix-oom", action, verify))))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "runbook 'fix-oom' (runbooks[0].action.server): no Argo server 'staging' in"
                + " argo.servers (known: default)");
  }

  @Test
  void aCheckFollowingTheActionsWorkflowNeedsAnArgoActionInTheSameNamespace() {
    ArgoServers servers =
        ArgoServers.from(
            new ArgoSettings(Map.of("default", SERVER)),
            Map.of("ARGO_TOKEN", "t"),
            new OkHttpClient());
    ArgoVerify follow = new ArgoVerify(null, "ns", null, false, null, null);
    Runbook http =
        new Runbook(
            "restart",
            "oom",
            Risk.MEDIUM,
            "",
            List.of("x"),
            new HttpAction("POST", "http://x/", "", Map.of(), Duration.ofSeconds(5)),
            follow,
            List.<Principal>of());
    Runbook elsewhere =
        runbook("fix", new ArgoAction(null, "other", "fix", false, null, null), follow);

    assertThatThrownBy(() -> servers.requireAll(List.of(http)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("runbook 'restart' (runbooks[0].verify.template): a check of type")
        .hasMessageEndingWith("but the action is of type http");
    assertThatThrownBy(() -> servers.requireAll(List.of(elsewhere)))
        .hasMessage(
            "runbook 'fix' (runbooks[0].verify.namespace): the check follows the action's workflow"
                + " in default/other, not default/ns");
  }

  @Test
  void theKindsPlugIntoActionKindsAndRunThroughIt() throws Exception {
    try (FakeArgoServer argo = new FakeArgoServer()) {
      argo.template(ArgoFixtures.NS, ArgoFixtures.TEMPLATE)
          .plan(ArgoFixtures.TEMPLATE, 0, FakeWorkflow::succeed);
      ArgoServers servers = argo.servers();
      ActionKinds kinds =
          ActionKinds.builder()
              .executor(new ArgoActionExecutor(servers))
              .verifier(new ArgoVerifier(servers))
              .build();
      Runbook r = runbook("fix-oom-pods", ArgoFixtures.action(), ArgoFixtures.followAction());
      kinds.requireAll(List.of(r));
      servers.requireAll(List.of(r));
      List<String> beats = new ArrayList<>();

      String summary = kinds.run(r.action(), ArgoFixtures.context(beats)).summary();
      boolean recovered = kinds.verify(r.verify(), ArgoFixtures.context(beats)).recovered();

      assertThat(summary).contains("Succeeded");
      assertThat(recovered).isTrue();
      assertThat(argo.submits()).hasSize(1);
    }
  }

  @Test
  void theActionTimeoutStaysInsideTheRemediateActivity() {
    assertThat(ArgoAction.MAX_TIMEOUT).isLessThan(Duration.ofMinutes(5));
    assertThat(ArgoVerify.MAX_TIMEOUT).isLessThan(Duration.ofHours(1));
    assertThat(ArgoServer.MAX_POLL_INTERVAL).isLessThan(Duration.ofMinutes(2));
  }
}
