package dev.greenlight.bot.e2e;

import static dev.greenlight.bot.e2e.TestConfig.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.bot.Greenlight;
import dev.greenlight.bot.sandbox.SimulatedArgo;
import dev.greenlight.bot.slack.Ids;
import dev.greenlight.sandbox.Message;
import dev.greenlight.sandbox.SentEnvelope;
import dev.greenlight.sandbox.SlackServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code argo} action end to end: the sandbox Slack server, the real Bolt app, embedded
 * Temporal and the simulated Argo Server. An approved runbook submits its WorkflowTemplate once,
 * with the catalog's parameters and the idempotency-key label, and follows it to Succeeded
 * (verified by the {@code argo} check); a failed template escalates with the failed node's message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArgoActionIT {
  private static final String NS = "remediation";
  private static final String TEMPLATE = "fix-oom";
  private static final String RUNBOOK = "fix-oom-argo";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger channels = new AtomicInteger();

  private SlackServer slack;
  private SimulatedArgo argo;
  private Greenlight greenlight;

  @BeforeAll
  void start() throws Exception {
    slack = SlackServer.start();
    argo = SimulatedArgo.start();
    String unused = "http://127.0.0.1:9"; // the http runbooks only give the classifier company
    String yaml =
        """
        services: [checkout-api, payments-api, search-api]
        policy:
          confidence-floor: 0.80
          approval-timeout: 1h
        approvers: [U0ALICE, U0BOB]
        on-call: U0CAROL
        fallback-channel: C0FALLBACK
        argo:
          servers:
            default: {url: "%1$s", poll-interval: 100ms}
        runbooks:
          - id: fix-oom-argo
            label: oom-killed
            risk: medium
            examples: ["pods OOMKilled and restarting", "container killed with exit code 137 out of memory"]
            action:
              type: argo
              namespace: remediation
              template: fix-oom
              parameters: {service: "{service}", ticket: "incident {incident}", memory: 2Gi}
              timeout: 30s
            verify: {type: argo, namespace: remediation, timeout: 30s}
          - id: flush-cache
            label: stale-cache
            risk: low
            examples: ["stale data served from cache", "users see old prices, cache not invalidated"]
            action: {method: POST, url: "%2$s/actions/flush-cache?service={service}"}
            verify: {url: "%2$s/health/{service}", timeout: 3s, interval: 200ms}
          - id: rollback-deploy
            label: bad-deploy
            risk: high
            examples: ["error rate spiked right after the deploy", "5xx errors since the new release went out"]
            action: {method: POST, url: "%2$s/actions/rollback?service={service}"}
            verify: {url: "%2$s/health/{service}", timeout: 3s, interval: 200ms}
        """
            .formatted(argo.baseUrl(), unused);
    Path file = TestDirs.directory("greenlight-argo-action").resolve("greenlight.yml");
    Files.writeString(file, yaml);
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_APP_TOKEN", slack.appToken());
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("GREENLIGHT_MANAGEMENT_PORT", "0");
    env.put("GREENLIGHT_CONFIG", file.toString());
    greenlight = Greenlight.start(Greenlight.Mode.RUN, env, (Path) null);
    if (!slack.awaitConnected(Duration.ofSeconds(30))) {
      throw new AssertionError("the bot never connected over Socket Mode");
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (greenlight != null) {
      greenlight.close();
    }
    argo.close();
    slack.close();
  }

  @Test
  void approvedTheTemplateIsSubmittedOnceAndTheIncidentRecoversWhenItSucceeds() throws Exception {
    String channel = "C0ARGOACT" + channels.incrementAndGet();
    String incident = remediate(channel, "checkout-api");
    Message card = awaitButtons(channel);
    assertThat(card.blocks().toString())
        .contains("oom-killed", "medium", RUNBOOK)
        .contains("Argo WorkflowTemplate fix-oom in remediation on default")
        .contains("memory=2Gi", "service=checkout-api", "ticket=incident " + incident);
    assertThat(argo.submits()).noneMatch(c -> c.body().contains(incident));

    ack(slack.clickButton(ALICE, card, Ids.APPROVE_ACTION));
    List<String> replies = awaitReply(channel, "Recovered");
    String name = TEMPLATE + "-" + keyHash(incident).substring(0, 10);
    String link = argo.baseUrl() + "/workflows/remediation/" + name;
    assertThat(replies)
        .anyMatch(r -> r.contains("Argo workflow " + name + " Succeeded: " + link))
        .anyMatch(r -> r.contains(":white_check_mark: Recovered"));

    List<SimulatedArgo.Call> submits =
        argo.submits().stream().filter(c -> c.body().contains(incident)).toList();
    assertThat(submits).hasSize(1);
    assertThat(submits.get(0).path()).isEqualTo("/api/v1/workflows/remediation/submit");
    JsonNode req = JSON.readTree(submits.get(0).body());
    assertThat(req.path("resourceKind").asText()).isEqualTo("WorkflowTemplate");
    assertThat(req.path("resourceName").asText()).isEqualTo(TEMPLATE);
    JsonNode opts = req.path("submitOptions");
    assertThat(opts.path("name").asText()).isEqualTo(name);
    assertThat(opts.path("parameters"))
        .extracting(JsonNode::asText)
        .containsExactly("memory=2Gi", "service=checkout-api", "ticket=incident " + incident);
    assertThat(opts.path("labels").asText())
        .contains("greenlight.dev/idempotency-key=" + keyHash(incident))
        .contains("greenlight.dev/incident=" + incident)
        .contains("greenlight.dev/runbook=" + RUNBOOK);
    assertThat(argo.workflow(NS, name).phase).isEqualTo("Succeeded");
    assertThat(argo.calls())
        .anyMatch(
            c ->
                c.method().equals("GET")
                    && c.path().equals("/api/v1/workflows/remediation/" + name));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> card(channel), b -> b.contains("*Recovered*"));
    assertThat(card(channel))
        .doesNotContain(Ids.APPROVE_ACTION)
        .contains("Approved by <@U0ALICE>", "Argo workflow " + name + " Succeeded: " + link);
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(link)).build(), BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200); // the link leads to the simulated Argo UI
    assertThat(page.body()).contains(name, "Succeeded");
  }

  @Test
  void aFailedTemplateNamesTheFailedNodeAndItsMessageAndEscalatesToOnCall() throws Exception {
    argo.failNext(TEMPLATE, "restart-pods", "OOMKilled (exit code 137)");
    String channel = "C0ARGOACT" + channels.incrementAndGet();
    String incident = remediate(channel, "payments-api");
    ack(slack.clickButton(BOB, awaitButtons(channel), Ids.APPROVE_ACTION));

    List<String> replies = awaitReply(channel, "escalating to <@U0CAROL>");
    String name = TEMPLATE + "-" + keyHash(incident).substring(0, 10);
    assertThat(replies)
        .anyMatch(
            r ->
                r.startsWith("Remediation failed")
                    && r.contains("Argo workflow " + name + " failed at node 'restart-pods'")
                    && r.contains("OOMKilled (exit code 137)")
                    && r.contains(argo.baseUrl() + "/workflows/remediation/" + name))
        .noneMatch(r -> r.contains("Recovered"));
    assertThat(argo.submits().stream().filter(c -> c.body().contains(incident))).hasSize(1);
    assertThat(argo.workflow(NS, name).phase).isEqualTo("Failed");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> card(channel), b -> b.contains("escalated to on-call"));
    assertThat(card(channel)).doesNotContain("*Recovered*");
  }

  private String remediate(String channel, String service) throws Exception {
    SentEnvelope e =
        slack.sendSlashCommand("U0DAVE", channel, "/remediate", service + " " + OOM_TEXT);
    String text = ack(e).payload().path("text").asText();
    assertThat(text).contains("started");
    return text.replaceAll("(?s).*Incident (GL-[A-Z0-9]+).*", "$1");
  }

  private static dev.greenlight.sandbox.Ack ack(SentEnvelope e) throws Exception {
    return e.ack().get(10, TimeUnit.SECONDS);
  }

  private Message awaitButtons(String channel) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> slack.messages(channel),
            m -> !m.isEmpty() && m.get(0).blocks().toString().contains(Ids.APPROVE_ACTION))
        .get(0);
  }

  private String card(String channel) {
    return slack.messages(channel).get(0).blocks().toString();
  }

  private List<String> awaitReply(String channel, String text) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                slack.replies(channel, slack.messages(channel).get(0).ts()).stream()
                    .map(Message::text)
                    .toList(),
            r -> r.stream().anyMatch(t -> t.contains(text)));
  }

  /** The idempotency key's label value, as docs/argo.md defines it. */
  private static String keyHash(String incident) throws Exception {
    String key = "incident-" + incident + ":" + RUNBOOK;
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, 40);
  }
}
