package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A runbook check of type {@code argo}. Without {@code template}, recovered means the workflow the
 * {@code argo} action submitted for this incident (found by the label carrying its idempotency key)
 * Succeeded. With {@code template}, a separate check template is submitted under its own key
 * ({@code <workflowId>:<runbookId>:verify}, so a retried check adopts it) and recovered means that
 * workflow Succeeded.
 *
 * @param server the name of an entry of {@code argo.servers}; {@code default} when absent
 * @param namespace where the workflows are looked up and the check template runs
 * @param template the check's WorkflowTemplate, or null to follow the action's workflow
 * @param clusterScope whether {@code template} names a ClusterWorkflowTemplate
 * @param parameters the check's input parameters (only with {@code template})
 * @param timeout how long the check waits for the workflow's end, at most {@link #MAX_TIMEOUT}
 */
public record ArgoVerify(
    String server,
    String namespace,
    String template,
    @JsonProperty("cluster-scope") boolean clusterScope,
    Map<String, String> parameters,
    Duration timeout)
    implements VerifySpec {
  public static final String TYPE = "argo";

  /** Inside the verify activity's 1-hour start-to-close timeout. */
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(50);

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public ArgoVerify {
    server = ArgoKeys.server("verify", server);
    namespace = ArgoKeys.namespace("verify", namespace);
    if (template != null) {
      template = ArgoKeys.template("verify", template);
    } else if (clusterScope) {
      throw new ConfigException("verify.cluster-scope: only with verify.template");
    } else if (parameters != null && !parameters.isEmpty()) {
      throw new ConfigException("verify.parameters: only with verify.template");
    }
    parameters = ArgoKeys.parameters("verify", parameters);
    timeout = ArgoKeys.duration("verify.timeout", timeout, DEFAULT_TIMEOUT, MAX_TIMEOUT);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** Whether a check template runs; otherwise the action's workflow is followed. */
  public boolean runsTemplate() {
    return template != null;
  }

  /** {@code WorkflowTemplate} or {@code ClusterWorkflowTemplate}, as the submit call names it. */
  public String resourceKind() {
    return clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
  }

  /** The check's parameters rendered for one incident, in name order. */
  public Map<String, String> renderParameters(Map<String, String> vars) {
    Map<String, String> rendered = new LinkedHashMap<>();
    parameters.forEach((name, value) -> rendered.put(name, Template.renderBody(value, vars)));
    return rendered;
  }
}
