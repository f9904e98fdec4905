package dev.greenlight.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sandbox's Kubernetes demo service end to end: the real Bolt app, the sandbox Slack server,
 * the embedded Temporal server and the worker, against the simulated cluster (fabric8's mock API
 * server in CRUD mode with the sandbox's controller).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedClusterIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String SERVICE = SimulatedCluster.SERVICE;
  private final AtomicInteger channels = new AtomicInteger();
  private Sandbox sandbox;

  @BeforeAll
  void start() throws Exception {
    sandbox = Sandbox.start(0, Map.of());
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @AfterEach
  void allowAll() {
    sandbox.cluster().allowAll();
  }

  @Test
  void thePageSaysTheClusterIsSimulated() throws Exception {
    String state =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            sandbox.url() + "sandbox/state?user=U0ALICE&channel=C0INCIDENTS"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    String note =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(state)
            .path("workspace")
            .path("notes")
            .path(0)
            .asText();
    assertThat(note).startsWith("Simulated: orders-api runs in a simulated Kubernetes cluster");
  }

  @Test
  void aRolloutRestartIsPreviewedApprovedAppliedOnceAndVerified() throws Exception {
    crashloop();
    String channel = report("pods in CrashLoopBackOff, readiness probe failing");
    Message card = awaitButtons(channel);
    assertThat(card.blocks().toString())
        .contains("What will change", "restart deployment " + SERVICE + " in simulated (2 pods");
    int before = patches().size();

    sandbox.slack().clickButton(Sandbox.BOB, card, Ids.APPROVE_ACTION);

    List<String> replies = awaitReply(channel, "Recovered");
    assertThat(replies).anyMatch(r -> r.contains("successfully rolled out (2 replicas)"));
    List<String> applied = patches().subList(before, patches().size());
    assertThat(applied).hasSize(1).allMatch(p -> p.contains("restartedAt"));
    assertThat(sandbox.cluster().deployment().getStatus().getAvailableReplicas()).isEqualTo(2);
  }

  @Test
  void aScaleIsUndoneFromTheThreadAndTheCountGoesBack() throws Exception {
    healed(); // the scale's rollout check then passes at once
    int before = sandbox.cluster().deployment().getSpec().getReplicas();
    String channel = report("traffic surge, requests queueing, need more replicas");
    Message card = awaitButtons(channel);
    assertThat(card.blocks().toString()).contains("replicas " + before + " -&gt; " + (before + 2));
    sandbox.slack().clickButton(Sandbox.BOB, card, Ids.APPROVE_ACTION);

    Message offer = awaitThreadMessage(channel, card, "Undo available");
    assertThat(replicas()).isEqualTo(before + 2);
    assertThat(offer.text()).contains("scale back to " + before + " replicas");
    sandbox.slack().clickButton(Sandbox.CAROL, offer, "greenlight_undo");

    Message undone = awaitThreadMessage(channel, card, "Undone* by <@U0CAROL>");
    assertThat(undone.blocks().toString()).doesNotContain("greenlight_undo");
    assertThat(replicas()).isEqualTo(before);
  }

  @Test
  void aDryRunRefusedByRbacIsShownOnTheCardAndNothingRuns() throws Exception {
    sandbox.cluster().forbid("PATCH", "patch");
    String key = annotations().getOrDefault("greenlight.dev/idempotency-key", "");
    String channel = report("pods crashlooping and never become ready");
    Message card = awaitButtons(channel);
    assertThat(card.blocks().toString())
        .contains(
            "Dry run refused",
            "needs verb 'patch' on deployments.apps",
            "Approve (dry run refused)");

    sandbox.slack().clickButton(Sandbox.BOB, card, Ids.APPROVE_ACTION);

    assertThat(awaitReply(channel, "Remediation failed"))
        .anyMatch(r -> r.contains("needs verb 'patch'"));
    assertThat(annotations().getOrDefault("greenlight.dev/idempotency-key", "")).isEqualTo(key);
  }

  @Test
  void deletePodsNeverDeletesMoreThanItsMaxEvenWhenARetryFollowsALostReply() throws Exception {
    crashloop();
    sandbox.cluster().loseReplyOnce("DELETE", path -> path.contains("/pods/"));
    int before = deletes().size();
    String channel = report("one pod wedged and not ready, the others fine");
    sandbox.slack().clickButton(Sandbox.BOB, awaitButtons(channel), Ids.APPROVE_ACTION);

    awaitReply(channel, "Remediation finished");
    List<String> deleted = deletes().subList(before, deletes().size());
    assertThat(deleted).as("the delete, and its retry after the lost reply").hasSize(2);
    assertThat(deleted.stream().distinct()).as("max: 1").hasSize(1);
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Restarted by hand: the controller replaces the pods with Ready ones. */
  private void healed() {
    Deployment d = sandbox.cluster().deployment();
    if (!SimulatedController.restarted(d)) {
      editTemplate(
          t -> t.setAnnotations(Map.of(SimulatedController.RESTARTED_AT, "2026-12-01T09:00:00Z")));
    }
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              Deployment now = sandbox.cluster().deployment();
              return now.getStatus().getAvailableReplicas().equals(now.getSpec().getReplicas());
            });
  }

  /** Takes the restart away again: the controller replaces the pods with crashlooping ones. */
  private void crashloop() {
    Deployment d = sandbox.cluster().deployment();
    if (SimulatedController.restarted(d)) {
      editTemplate(t -> t.getAnnotations().remove(SimulatedController.RESTARTED_AT));
    }
    await()
        .atMost(PATIENCE)
        .until(() -> sandbox.cluster().deployment().getStatus().getAvailableReplicas() == 0);
  }

  /**
   * Changes the deployment's pod template with a patch, not a read-modify-write: the controller may
   * write the status in between, and an update would then fail with 409 Conflict.
   */
  private void editTemplate(Consumer<ObjectMeta> change) {
    Deployment d = sandbox.cluster().deployment();
    sandbox
        .cluster()
        .client()
        .apps()
        .deployments()
        .inNamespace(d.getMetadata().getNamespace())
        .withName(d.getMetadata().getName())
        .edit(
            now -> {
              change.accept(now.getSpec().getTemplate().getMetadata());
              return now;
            });
  }

  private String report(String text) throws Exception {
    String channel = "C0K8S" + channels.incrementAndGet();
    sandbox
        .slack()
        .sendSlashCommand(Sandbox.ALICE, channel, "/remediate", SERVICE + " " + text)
        .ack()
        .get(10, TimeUnit.SECONDS);
    return channel;
  }

  private Message awaitButtons(String channel) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> sandbox.slack().messages(channel),
            m -> !m.isEmpty() && m.get(0).blocks().toString().contains(Ids.APPROVE_ACTION))
        .get(0);
  }

  private List<String> awaitReply(String channel, String text) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              List<Message> top = sandbox.slack().messages(channel);
              return top.isEmpty()
                  ? List.<String>of()
                  : sandbox.slack().replies(channel, top.get(0).ts()).stream()
                      .map(Message::text)
                      .toList();
            },
            r -> r.stream().anyMatch(t -> t.contains(text)));
  }

  private Message awaitThreadMessage(String channel, Message card, String text) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                sandbox.slack().replies(channel, card.ts()).stream()
                    .filter(m -> m.text().contains(text))
                    .findFirst(),
            java.util.Optional::isPresent)
        .get();
  }

  private int replicas() {
    return sandbox.cluster().deployment().getSpec().getReplicas();
  }

  private Map<String, String> annotations() {
    Map<String, String> a = sandbox.cluster().deployment().getMetadata().getAnnotations();
    return a == null ? Map.of() : a;
  }

  /** The PATCH requests on the demo Deployment that were not dry runs. */
  private List<String> patches() {
    return sandbox.cluster().requests().stream()
        .filter(r -> r.startsWith("PATCH ") && r.contains("/deployments/" + SERVICE))
        .filter(r -> !r.contains("dryRun=All"))
        .toList();
  }

  /** The pods deleted (not as dry runs), by path. */
  private List<String> deletes() {
    return sandbox.cluster().requests().stream()
        .filter(r -> r.startsWith("DELETE ") && r.contains("/pods/"))
        .filter(r -> !r.contains("dryRun=All"))
        .map(r -> r.split(" ")[1])
        .toList();
  }
}
