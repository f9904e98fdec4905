package dev.greenlight.workflows;

import dev.greenlight.action.argo.GateResult;
import dev.greenlight.action.argo.GateWatch.RunEnding;
import dev.greenlight.action.argo.SuspendedNode;
import dev.greenlight.api.ArgoGateCards;
import dev.greenlight.api.Classification;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.Risk;
import dev.greenlight.argogate.ArgoGateActivities;
import dev.greenlight.argogate.ArgoGateRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A hand-written fake of the Argo gate's activities: it records every call. */
final class FakeArgoGates implements ArgoGateActivities {
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile GateResult outside;

  @Override
  public GateResult settledOutside(SuspendedNode node) {
    calls.add("read " + node.nodeId());
    return outside;
  }

  @Override
  public GateResult approve(SuspendedNode node, Map<String, String> outputs, String message) {
    calls.add("approve " + node.nodeId() + " " + outputs + " " + message);
    return new GateResult(GateResult.Outcome.APPLIED, "Succeeded", "resumed");
  }

  @Override
  public GateResult reject(SuspendedNode node, String message) {
    calls.add("stop " + node.nodeId() + " " + message);
    return new GateResult(GateResult.Outcome.APPLIED, "Failed", "stopped");
  }

  @Override
  public RunEnding follow(SuspendedNode node) {
    calls.add("follow " + node.workflow());
    return new RunEnding(true, "Succeeded", "");
  }

  /** A high-risk gate of {@code ship-1} submitted by {@code submitter}, in {@code frame}. */
  static ArgoGateRequest request(IncidentRequest frame, String submitter) {
    SuspendedNode node =
        new SuspendedNode(
            "default",
            "deploys",
            "ship-1",
            "uid-ship-1",
            "ship-1-42",
            "approve-rollout",
            "ship-it",
            Map.of("target", "prod-eu"),
            List.of("approvers"),
            "alice.dev",
            Map.of(),
            Map.of("version", "1.4.2"));
    IncidentRequest incident =
        new IncidentRequest(
            "ARGO-1A2B3C",
            "deploys/ship-1",
            "Template: ship-it\nSuspend node: approve-rollout",
            submitter,
            frame.channelId(),
            frame.policy());
    Classification gate =
        new Classification(
            "approve-rollout",
            1.0,
            "ship-it/approve-rollout",
            Risk.HIGH,
            "https://argo.example.test/workflows/deploys/ship-1",
            null,
            ArgoGateCards.MODEL);
    return new ArgoGateRequest(node, incident, gate, "alice.dev");
  }
}
