package dev.greenlight.action.argo;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.argo.ArgoJson.Node;
import dev.greenlight.action.argo.ArgoJson.NodeRequest;
import dev.greenlight.action.argo.ArgoJson.Parameter;
import dev.greenlight.action.argo.ArgoJson.Workflow;
import dev.greenlight.action.argo.GateResult.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Argo's suspend gates, seen and decided from Greenlight: finds the waiting Suspend nodes of
 * opted-in workflows, and approves (set the supplied outputs and the message, then resume) or
 * rejects (stop) one node through its {@code nodeFieldSelector}. Never a workflow-level call.
 *
 * <p>Every decision is idempotent: the node is read first, and Argo's HTTP 500 "no suspend nodes
 * matching nodeFieldSelector" (the node is no longer a running Suspend node) is answered by reading
 * the node's phase, which tells an earlier attempt of the same decision ({@link
 * Outcome#ALREADY_APPLIED}) from a decision made elsewhere; it is never a failure to retry.
 */
public final class ArgoGates {
  static final String NO_SUSPEND_NODES = "no suspend nodes matching nodeFieldSelector";
  static final String PHASE_LABEL = "workflows.argoproj.io/phase";
  static final String CREATOR_USERNAME = "workflows.argoproj.io/creator-preferred-username";
  static final String CREATOR = "workflows.argoproj.io/creator";
  static final String TEMPLATE_LABEL = "workflows.argoproj.io/workflow-template";

  /** What a gate lookup reads of each workflow. */
  static final String GATE_FIELDS =
      "items.metadata.name,items.metadata.namespace,items.metadata.uid,items.metadata.labels,"
          + "items.metadata.annotations,items.spec.arguments,items.status.phase,"
          + "items.status.nodes";

  private enum Intent {
    APPROVE,
    REJECT
  }

  private final ArgoServers servers;

  public ArgoGates(ArgoServers servers) {
    this.servers = servers;
  }

  /**
   * The running Suspend nodes of workflows in {@code namespace} labelled {@code
   * greenlight.dev/gate=true} and in phase Running, ordered by workflow and node.
   *
   * @throws ActionFailure permanent when the server refuses the list, retryable when it fails
   */
  public List<SuspendedNode> waiting(String server, String namespace) throws ActionFailure {
    return waiting(server, namespace, ArgoLabels.GATE);
  }

  /** As {@link #waiting(String, String)}, for workflows opted in with {@code label=true}. */
  public List<SuspendedNode> waiting(String server, String namespace, String label)
      throws ActionFailure {
    String what = "Argo gate lookup in namespace " + namespace;
    ArgoClient client = servers.client(server, what);
    List<Workflow> found;
    try {
      found = client.list(namespace, label + "=true," + PHASE_LABEL + "=Running", GATE_FIELDS);
    } catch (ArgoCallException e) {
      throw Submission.classified(
          e,
          what
              + ": the Argo Server refused to list workflows ("
              + e.getMessage()
              + "); check the token's RBAC (list workflows)",
          what + ": listing workflows failed (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw Submission.unreachable(client, what, e);
    }
    List<SuspendedNode> gates = new ArrayList<>();
    for (Workflow w : found) {
      if (!"true".equals(w.labels().get(label))) {
        continue;
      }
      for (Node n : w.nodes().values()) {
        if (n.activeSuspend()) {
          gates.add(gate(server, namespace, w, n));
        }
      }
    }
    gates.sort(Comparator.comparing(SuspendedNode::workflow).thenComparing(SuspendedNode::nodeId));
    return gates;
  }

  private static SuspendedNode gate(String server, String namespace, Workflow w, Node n) {
    Map<String, String> inputs = new LinkedHashMap<>();
    n.inputParameters().forEach(p -> inputs.put(p.name(), p.value() == null ? "" : p.value()));
    List<String> outputs = new ArrayList<>();
    n.outputParameters().stream()
        .filter(Parameter::awaitsSupply)
        .forEach(p -> outputs.add(p.name()));
    Map<String, String> labels = w.labels();
    String creator = labels.getOrDefault(CREATOR_USERNAME, labels.getOrDefault(CREATOR, ""));
    Map<String, String> annotations =
        w.metadata().annotations() == null ? Map.of() : w.metadata().annotations();
    Map<String, String> parameters = new LinkedHashMap<>();
    w.arguments().forEach(p -> parameters.put(p.name(), p.value() == null ? "" : p.value()));
    return new SuspendedNode(
        server,
        namespace,
        w.name(),
        w.metadata().uid() == null ? "" : w.metadata().uid(),
        n.id(),
        n.label(),
        labels.getOrDefault(TEMPLATE_LABEL, ""),
        inputs,
        outputs,
        creator,
        annotations,
        parameters);
  }

  /**
   * Approves the gate: sets the outputs it declares as supplied (others are skipped) and {@code
   * message} with {@code PUT …/set}, then resumes it with {@code PUT …/resume}, both for this node
   * only. The outputs are set first: a resume without them would leave a later step reading them
   * waiting for ever.
   */
  public GateResult approve(SuspendedNode gate, Map<String, String> outputs, String message)
      throws ActionFailure {
    String what = describe(gate);
    ArgoClient client = servers.client(gate.server(), what);
    Optional<Node> node = read(client, gate, what);
    if (node.isEmpty() || !node.get().activeSuspend()) {
      return settled(node, Intent.APPROVE, outputs, message, gate);
    }
    Map<String, String> supplied = new LinkedHashMap<>();
    for (Parameter p : node.get().outputParameters()) {
      if (p.awaitsSupply() && outputs.containsKey(p.name())) {
        supplied.put(p.name(), outputs.get(p.name()));
      }
    }
    String outputJson = supplied.isEmpty() ? null : ArgoJson.outputs(supplied);
    NodeRequest set =
        new NodeRequest(
            gate.namespace(), gate.workflow(), gate.nodeFieldSelector(), message, outputJson);
    Optional<GateResult> early = put(client, gate, "set", set, Intent.APPROVE, outputs, message);
    if (early.isPresent()) {
      return early.get();
    }
    NodeRequest resume =
        new NodeRequest(gate.namespace(), gate.workflow(), gate.nodeFieldSelector(), null, null);
    early = put(client, gate, "resume", resume, Intent.APPROVE, outputs, message);
    return early.orElse(new GateResult(Outcome.APPLIED, ArgoJson.SUCCEEDED, what + " resumed"));
  }

  /** Rejects the gate: {@code PUT …/stop} for this node only, with {@code message}. */
  public GateResult reject(SuspendedNode gate, String message) throws ActionFailure {
    String what = describe(gate);
    ArgoClient client = servers.client(gate.server(), what);
    Optional<Node> node = read(client, gate, what);
    if (node.isEmpty() || !node.get().activeSuspend()) {
      return settled(node, Intent.REJECT, Map.of(), message, gate);
    }
    NodeRequest stop =
        new NodeRequest(gate.namespace(), gate.workflow(), gate.nodeFieldSelector(), message, null);
    Optional<GateResult> early = put(client, gate, "stop", stop, Intent.REJECT, Map.of(), message);
    return early.orElse(new GateResult(Outcome.APPLIED, ArgoJson.FAILED, what + " stopped"));
  }

  /** The node's current state; empty when the workflow or the node is gone. */
  private Optional<Node> read(ArgoClient client, SuspendedNode gate, String what)
      throws ActionFailure {
    try {
      Workflow w = client.get(gate.namespace(), gate.workflow());
      return Optional.ofNullable(w.nodes().get(gate.nodeId()));
    } catch (ArgoCallException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw Submission.classified(
          e,
          what
              + ": the Argo Server refused to read the workflow ("
              + e.getMessage()
              + "); check the token's RBAC (get workflows)",
          what + ": reading the workflow failed (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw Submission.unreachable(client, what, e);
    }
  }

  /** Sends one node call; a result when the node turned out to be settled already. */
  private Optional<GateResult> put(
      ArgoClient client,
      SuspendedNode gate,
      String operation,
      NodeRequest request,
      Intent intent,
      Map<String, String> outputs,
      String message)
      throws ActionFailure {
    String what = describe(gate);
    try {
      client.put(gate.namespace(), gate.workflow(), operation, request);
      return Optional.empty();
    } catch (ArgoCallException e) {
      if (e.serverMessage().contains(NO_SUSPEND_NODES)) {
        // A repeat, or someone was faster: the node's phase says which.
        Optional<Node> now = read(client, gate, what);
        if (now.isPresent() && now.get().activeSuspend()) {
          throw ActionFailure.retryable(
              what + ": " + operation + " found no waiting node, yet the node still waits");
        }
        return Optional.of(settled(now, intent, outputs, message, gate));
      }
      if (e.status() == 404) {
        return Optional.of(new GateResult(Outcome.GONE, "", what + ": the workflow is gone"));
      }
      if (e.forbidden()) {
        throw ActionFailure.permanent(
            what
                + ": the Argo Server refused to "
                + operation
                + " the node ("
                + e.getMessage()
                + "); check the token's RBAC (update workflows)");
      }
      if (e.serverMessage().contains("output parameter")) {
        throw ActionFailure.permanent(
            what + ": the node refused its output parameters (" + e.getMessage() + ")");
      }
      throw Submission.classified(
          e,
          what + ": " + operation + " was refused (" + e.getMessage() + ")",
          what + ": " + operation + " failed (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw Submission.unreachable(client, what, e);
    }
  }

  /** A node that is no longer a running Suspend node: whose decision was it? */
  private static GateResult settled(
      Optional<Node> read,
      Intent intent,
      Map<String, String> outputs,
      String message,
      SuspendedNode gate) {
    String what = describe(gate);
    if (read.isEmpty()) {
      return new GateResult(Outcome.GONE, "", what + ": the workflow or the node is gone");
    }
    Node n = read.get();
    String phase = n.phase() == null ? "" : n.phase();
    boolean sameMessage = !message.isEmpty() && message.equals(n.message());
    if (phase.equals(ArgoJson.SUCCEEDED)) {
      if (intent == Intent.APPROVE && (sameMessage || outputsSet(n, outputs))) {
        return new GateResult(Outcome.ALREADY_APPLIED, phase, what + " was already resumed");
      }
      return new GateResult(
          Outcome.RESUMED_ELSEWHERE, phase, what + " was resumed outside Greenlight");
    }
    if (intent == Intent.REJECT && sameMessage) {
      return new GateResult(Outcome.ALREADY_APPLIED, phase, what + " was already stopped");
    }
    return new GateResult(
        Outcome.STOPPED_ELSEWHERE, phase, what + " was stopped outside Greenlight (" + phase + ")");
  }

  /** Whether every output Greenlight supplies holds Greenlight's value. */
  private static boolean outputsSet(Node n, Map<String, String> outputs) {
    if (outputs.isEmpty()) {
      return false;
    }
    Map<String, String> values = new LinkedHashMap<>();
    n.outputParameters().forEach(p -> values.put(p.name(), p.value()));
    return outputs.entrySet().stream()
            .filter(e -> values.containsKey(e.getKey()))
            .allMatch(e -> e.getValue().equals(values.get(e.getKey())))
        && outputs.keySet().stream().anyMatch(values::containsKey);
  }

  private static String describe(SuspendedNode gate) {
    return "gate " + gate.displayName() + " of Argo workflow " + gate.workflow();
  }

  /** {@code id=<nodeId>}, escaped as Kubernetes field selectors are. */
  static String selector(String nodeId) {
    return "id=" + nodeId.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
  }
}
