package dev.greenlight.action.argo;

import java.util.List;
import java.util.Map;

/**
 * A suspend gate waiting in Argo: a node of type {@code Suspend} in phase {@code Running} of a
 * running workflow that opted in with {@code greenlight.dev/gate=true}.
 *
 * @param server the {@code argo.servers} entry it was found on
 * @param namespace the workflow's namespace
 * @param workflow the workflow's name
 * @param workflowUid the workflow's UID: with {@code nodeId}, the gate's identity across restarts
 * @param nodeId the node's ID, used in {@code nodeFieldSelector=id=<nodeId>}
 * @param displayName the node's display name, e.g. {@code approve-rollout}
 * @param template the WorkflowTemplate the workflow came from, or empty
 * @param inputs the node's input parameters, name to value
 * @param outputs the output parameters the node declares as supplied (set on approval)
 * @param creator who submitted the workflow, from Argo's creator labels, or empty
 * @param annotations the workflow's annotations (e.g. a per-node risk)
 * @param parameters the workflow's arguments, name to value
 */
public record SuspendedNode(
    String server,
    String namespace,
    String workflow,
    String workflowUid,
    String nodeId,
    String displayName,
    String template,
    Map<String, String> inputs,
    List<String> outputs,
    String creator,
    Map<String, String> annotations,
    Map<String, String> parameters) {
  public SuspendedNode {
    inputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inputs));
    outputs = List.copyOf(outputs);
    annotations = Map.copyOf(annotations);
    parameters =
        parameters == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
  }

  /** A node without the workflow's arguments. */
  public SuspendedNode(
      String server,
      String namespace,
      String workflow,
      String workflowUid,
      String nodeId,
      String displayName,
      String template,
      Map<String, String> inputs,
      List<String> outputs,
      String creator,
      Map<String, String> annotations) {
    this(
        server,
        namespace,
        workflow,
        workflowUid,
        nodeId,
        displayName,
        template,
        inputs,
        outputs,
        creator,
        annotations,
        Map.of());
  }

  /** The node's selector for {@code set}, {@code resume} and {@code stop}. */
  public String nodeFieldSelector() {
    return ArgoGates.selector(nodeId);
  }
}
