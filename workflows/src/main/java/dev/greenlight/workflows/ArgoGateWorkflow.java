package dev.greenlight.workflows;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.Refusal;
import dev.greenlight.argogate.ArgoGateRequest;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One Argo suspend gate decided in Slack: the card, the same gate policy as an incident's (tier
 * rule, approvers and groups, quorum, separation of duties, reminders, escalation, expiry), then
 * the decision sent to Argo and, after an approval, the workflow followed to its end. Its signals
 * and queries have the names of {@link RemediationWorkflow}'s, so the bot's buttons and views work
 * on it unchanged.
 */
@WorkflowInterface
public interface ArgoGateWorkflow {
  /** The workflow ID of one node: never two gate workflows for one node. */
  static String workflowId(String workflowUid, String nodeId) {
    return "argo-gate-" + workflowUid + "-" + nodeId;
  }

  @WorkflowMethod
  IncidentResult run(ArgoGateRequest request);

  /** A click on the card, judged on the workflow's own state. */
  @SignalMethod
  void decide(Decision decision);

  /** A click the bot refused before signalling: recorded in the timeline only. */
  @SignalMethod
  void noteRefusal(Decision decision, Refusal.Reason reason);

  /**
   * The watcher no longer sees the node waiting: the workflow reads the node and, when someone
   * settled it in Argo (or deleted the workflow), closes the gate without sending anything.
   */
  @SignalMethod
  void checkNode();

  @QueryMethod
  IncidentSummary summary();

  @QueryMethod
  GateView gate();

  @QueryMethod
  List<AuditEntry> audit();
}
