package dev.greenlight.action.argo;

import dev.greenlight.activities.DirectoryActivities;
import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.argogate.ArgoGateActivitiesImpl;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.worker.ArgoGateWatcher;
import dev.greenlight.workflows.ArgoGateWorkflow;
import dev.greenlight.workflows.ArgoGateWorkflowImpl;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The Argo gate end to end below Slack: the real watcher, gate workflow and activities on the
 * time-skipping test server, against the {@link FakeArgoServer}; Slack is a recording fake.
 */
abstract class ArgoGateFixture {
  static final String NS = "deploys";
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  static final String SUBMITTER = "U0SUBMIT";
  static final String ONCALL = "U0CAROL";

  FakeArgoServer argo;
  TestWorkflowEnvironment env;
  WorkflowClient client;
  GreenlightConfig config;
  ArgoServers servers;
  final Slack slack = new Slack();

  /** What the card and its thread would show, recorded. */
  static final class Slack implements NotificationActivities, DirectoryActivities {
    final List<IncidentCard> posted = new CopyOnWriteArrayList<>();
    final List<IncidentCard> updates = new CopyOnWriteArrayList<>();
    final List<ThreadUpdate> thread = new CopyOnWriteArrayList<>();
    final List<String> told = new CopyOnWriteArrayList<>();

    @Override
    public CardRef postCard(String channelId, IncidentCard card) {
      posted.add(card);
      return new CardRef(channelId, "1700000000.00010" + posted.size());
    }

    @Override
    public void updateCard(CardRef card, IncidentCard content) {
      updates.add(content);
    }

    @Override
    public void postUpdate(CardRef card, IncidentCard content, ThreadUpdate update) {
      thread.add(update);
    }

    @Override
    public void tellUser(CardRef card, String userId, Refusal refusal) {
      told.add(userId + ":" + refusal.reason());
    }

    @Override
    public List<String> resolveApprovers(List<Principal> principals) {
      return Principal.ids(principals);
    }

    IncidentCard last() {
      return updates.isEmpty() ? posted.get(posted.size() - 1) : updates.get(updates.size() - 1);
    }
  }

  @BeforeEach
  void start() throws Exception {
    argo = new FakeArgoServer();
    config =
        ConfigLoader.parse(
            """
            services: [checkout-api]
            approvers: [U0ALICE, U0BOB, U0SUBMIT]
            on-call: U0CAROL
            channel: C0DEPLOYS
            approvals:
              high: {required: 2, self-approval: false, timeout: 1h}
              medium: {required: 1, self-approval: true, timeout: 1h}
            runbooks:
              - id: placeholder
                label: oom-killed
                risk: medium
                examples: [pods OOMKilled]
                action: {url: 'http://127.0.0.1:9/'}
                verify: {url: 'http://127.0.0.1:9/'}
            argo:
              servers:
                default: {url: '%s', ui-url: '%s', token-env: %s, poll-interval: 10ms}
              gates:
                namespaces: [deploys]
                risk: {ship-it/approve-rollout: high}
                submitters: {alice.dev: U0SUBMIT}
            """
                .formatted(argo.settings().url(), FakeArgoServer.UI, FakeArgoServer.TOKEN_ENV),
            "test");
    servers =
        ArgoServers.from(
            config.argo(),
            Map.of(FakeArgoServer.TOKEN_ENV, FakeArgoServer.TOKEN),
            new OkHttpClient());
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(RemediationWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(ArgoGateWorkflowImpl.class);
    worker.registerActivitiesImplementations(new ArgoGateActivitiesImpl(servers), slack);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() throws Exception {
    env.close();
    argo.close();
  }

  /** A workflow of {@code ship-it} by alice.dev, waiting at {@code approve-rollout}. */
  FakeWorkflow.Node waitingGate(String name) {
    FakeWorkflow.Node[] node = new FakeWorkflow.Node[1];
    argo.change(
        a -> {
          FakeWorkflow w =
              a.add(
                  NS,
                  name,
                  Map.of(
                      "greenlight.dev/gate", "true",
                      "workflows.argoproj.io/workflow-template", "ship-it",
                      "workflows.argoproj.io/creator-preferred-username", "alice.dev"),
                  List.of("version=1.4.2"));
          w.node("build", "Pod", "Succeeded");
          FakeWorkflow.Node n = w.node("approve-rollout", "Suspend", "Running");
          n.inputs.put("target", "prod-eu");
          n.suppliedOutputs.add("approvers");
          node[0] = n;
        });
    return node[0];
  }

  ArgoGateWatcher watcher() {
    return new ArgoGateWatcher(client, RemediationWorkflow.TASK_QUEUE, config, servers);
  }

  ArgoGateWorkflow gate(String name, FakeWorkflow.Node node) {
    return client.newWorkflowStub(
        ArgoGateWorkflow.class, ArgoGateWorkflow.workflowId("uid-" + name, node.id));
  }

  String awaitOpen(ArgoGateWorkflow wf) {
    for (int i = 0; i < 200; i++) {
      try {
        if (wf.gate().state() == GateState.OPEN && !slack.posted.isEmpty()) {
          return wf.gate().nonce();
        }
      } catch (RuntimeException notYet) {
        // not started yet
      }
      env.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("gate never opened");
  }

  static Decision approve(String user, String nonce) {
    return new Decision(Decision.Verdict.APPROVE, user, nonce);
  }

  IncidentResult result(ArgoGateWorkflow wf) {
    return io.temporal.client.WorkflowStub.fromTyped(wf).getResult(IncidentResult.class);
  }
}
