package dev.greenlight.argogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.action.argo.SuspendedNode;
import dev.greenlight.api.ArgoGateCards;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a waiting node becomes its gate's request, and what {@code argo.gates} accepts. */
class ArgoGateFramesTest {
  private static final String BASE =
      """
      services: [checkout-api]
      approvers: [U0ALICE, U0BOB]
      on-call: U0CAROL
      channel: C0OPS
      runbooks:
        - id: placeholder
          label: oom-killed
          risk: medium
          examples: [pods OOMKilled]
          action: {url: 'http://127.0.0.1:9/'}
          verify: {url: 'http://127.0.0.1:9/'}
      argo:
        servers:
          default: {url: 'https://argo.example.test:2746'}
      """;

  private static GreenlightConfig config(String gates) {
    return ConfigLoader.parse(BASE + "  gates:\n" + gates.indent(4), "test");
  }

  private static SuspendedNode node(String template, Map<String, String> annotations) {
    return new SuspendedNode(
        "default",
        "deploys",
        "ship-1",
        "uid-1",
        "ship-1-7",
        "approve-rollout",
        template,
        Map.of("target", "<!channel> prod"),
        List.of(),
        "alice.dev",
        annotations,
        Map.of("version", "1.4.2"));
  }

  @Test
  void theCatalogSetsTheRiskAndAnAnnotationMayOnlyRaiseIt() {
    ArgoGateFrames frames =
        new ArgoGateFrames(
            config(
                """
                namespaces: [deploys]
                risk: {ship-it/approve-rollout: medium, approve-rollout: high}
                default-risk: low
                """));
    assertThat(frames.risk(node("ship-it", Map.of()))).isEqualTo(Risk.MEDIUM);
    assertThat(frames.risk(node("other", Map.of()))).isEqualTo(Risk.HIGH); // by node name
    assertThat(frames.risk(node("ship-it", Map.of("greenlight.dev/risk", "low"))))
        .isEqualTo(Risk.MEDIUM); // a submitter cannot lower it
    assertThat(frames.risk(node("ship-it", Map.of("greenlight.dev/risk.approve-rollout", "high"))))
        .isEqualTo(Risk.HIGH);
  }

  @Test
  void theRequestCarriesTheFactsTheSubmitterAndTheGateApprovers() {
    ArgoGateRequest r =
        new ArgoGateFrames(
                config(
                    """
                    namespaces: [deploys]
                    approvers: [U0DAVE]
                    submitters: {alice.dev: U0ALICE}
                    """))
            .frame(node("ship-it", Map.of()));
    assertThat(r.incident().requesterId()).isEqualTo("U0ALICE");
    assertThat(r.incident().channelId()).isEqualTo("C0OPS");
    assertThat(r.incident().service()).isEqualTo("deploys/ship-1");
    assertThat(r.incident().incidentId()).matches("ARGO-[0-9A-F]{6}");
    assertThat(r.incident().policy().approversFor(r.gate().runbookId()))
        .containsExactly(Principal.of("U0DAVE"));
    assertThat(r.incident().text())
        .contains("Template: ship-it", "version=1.4.2", "target=<!channel> prod", "alice.dev");
    assertThat(r.gate().model()).isEqualTo(ArgoGateCards.MODEL);
    assertThat(r.gate().risk()).isEqualTo(Risk.MEDIUM);
    assertThat(r.gate().action())
        .isEqualTo("https://argo.example.test:2746/workflows/deploys/ship-1");
    assertThat(ArgoGateFrames.shortId(node("x", Map.of())))
        .isEqualTo(r.incident().incidentId()); // stable: from the UID and node ID only
  }

  @Test
  void badSettingsAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> config("namespaces: []"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("argo.gates.namespaces");
    assertThatThrownBy(() -> config("namespaces: [Deploys]"))
        .hasMessageContaining("argo.gates.namespace")
        .hasMessageContaining("Deploys");
    assertThatThrownBy(() -> config("namespaces: [deploys]\nserver: prod"))
        .hasMessageContaining("argo.gates.server")
        .hasMessageContaining("prod");
    assertThatThrownBy(() -> config("namespaces: [deploys]\nsubmitters: {alice: alice}"))
        .hasMessageContaining("argo.gates.submitters.alice");
    assertThatThrownBy(() -> config("namespaces: [deploys]\nchannel: ops"))
        .hasMessageContaining("argo.gates.channel");
    assertThatThrownBy(() -> config("namespaces: [deploys]\npoll-interval: 1h"))
        .hasMessageContaining("argo.gates.poll-interval");
    assertThatThrownBy(() -> config("namespaces: [deploys]\nlabel: 'a b'"))
        .hasMessageContaining("argo.gates.label");
    assertThatThrownBy(() -> config("namespaces: [deploys]\npoll-intervall: 5s"))
        .hasMessageContaining("poll-intervall");
  }

  @Test
  void withoutAnyChannelTheWatcherDoesNotStart() {
    GreenlightConfig noChannel =
        ConfigLoader.parse(
            BASE.replace("channel: C0OPS\n", "") + "  gates:\n    namespaces: [deploys]\n", "test");
    assertThatThrownBy(() -> new ArgoGateFrames(noChannel))
        .hasMessageContaining("argo.gates.channel");
  }
}
