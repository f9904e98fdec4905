package dev.greenlight.bench;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.UUID;

/** Incidents without Slack: started and decided straight through Temporal, as the bot does. */
final class Incidents {
  private Incidents() {}

  /** Starts an incident as the slash command would (same request fields, same workflow ID). */
  static void start(
      WorkflowClient client, String id, String text, String channel, PolicySnapshot policy) {
    RemediationWorkflow wf =
        client.newWorkflowStub(
            RemediationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RemediationWorkflow.workflowId(id))
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(
        wf::run, new IncidentRequest(id, "checkout-api", text, Loop.ALICE, channel, policy));
  }

  /** A running incident's workflow, as the bot's click handler reaches it. */
  static RemediationWorkflow workflow(WorkflowClient client, String workflowId) {
    return client.newWorkflowStub(RemediationWorkflow.class, workflowId);
  }

  /** Alice approves the gate whose buttons carry {@code nonce}. */
  static Decision approve(String nonce) {
    return new Decision(Verdict.APPROVE, Loop.ALICE, nonce, null, 0, clickId());
  }

  /** Alice rejects the gate whose buttons carry {@code nonce} (a reject needs a reason). */
  static Decision reject(String nonce) {
    return new Decision(Verdict.REJECT, Loop.ALICE, nonce, "bench: release the gate", 0, clickId());
  }

  /** Unique per click, as Slack's {@code action_ts} is. */
  private static String clickId() {
    return UUID.randomUUID().toString();
  }
}
