package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A runbook action of type {@code argo}: submit a WorkflowTemplate (or, with {@code cluster-scope},
 * a ClusterWorkflowTemplate) through the Argo Server named by {@code server}, and wait for the
 * workflow's end.
 *
 * <p>Parameter values are catalog text templated only with {@code {service}} and {@code
 * {incident}}; nothing else reaches the submission. The workflow carries labels with the incident
 * ID and a hash of the idempotency key {@code <workflowId>:<runbookId>}, so a retried activity
 * adopts the workflow it submitted instead of submitting another.
 *
 * @param server the name of an entry of {@code argo.servers}; {@code default} when absent
 * @param namespace the namespace the workflow runs in (and, unless {@code cluster-scope}, where the
 *     template lives)
 * @param template the WorkflowTemplate's name
 * @param clusterScope whether {@code template} names a ClusterWorkflowTemplate
 * @param parameters the workflow's input parameters, name to catalog template
 * @param timeout how long the action waits for the workflow's end, at most {@link #MAX_TIMEOUT}
 */
public record ArgoAction(
    String server,
    String namespace,
    String template,
    @JsonProperty("cluster-scope") boolean clusterScope,
    Map<String, String> parameters,
    Duration timeout)
    implements ActionSpec {
  public static final String TYPE = "argo";

  /** The wait ends inside the remediate activity's 5-minute start-to-close timeout. */
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(4);

  public static final Duration DEFAULT_TIMEOUT = MAX_TIMEOUT;

  public ArgoAction {
    server = ArgoKeys.server("action", server);
    namespace = ArgoKeys.namespace("action", namespace);
    if (template == null || template.isBlank()) {
      throw new ConfigException("action.template: required for type argo");
    }
    template = ArgoKeys.template("action", template);
    parameters = ArgoKeys.parameters("action", parameters);
    timeout = ArgoKeys.duration("action.timeout", timeout, DEFAULT_TIMEOUT, MAX_TIMEOUT);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** {@code WorkflowTemplate} or {@code ClusterWorkflowTemplate}, as the submit call names it. */
  public String resourceKind() {
    return clusterScope ? "ClusterWorkflowTemplate" : "WorkflowTemplate";
  }

  /** The parameters rendered for one incident, in name order. */
  public Map<String, String> renderParameters(Map<String, String> vars) {
    Map<String, String> rendered = new LinkedHashMap<>();
    parameters.forEach((name, value) -> rendered.put(name, Template.renderBody(value, vars)));
    return rendered;
  }

  /**
   * The card's line, and part of the proposal hash: everything that changes what runs, e.g. {@code
   * Argo WorkflowTemplate fix-oom in remediation on default: service=checkout-api}.
   */
  @Override
  public String describe(Map<String, String> vars) {
    return "Argo "
        + resourceKind()
        + " "
        + template
        + " in "
        + namespace
        + " on "
        + server
        + ": "
        + ArgoKeys.describeParameters(parameters, vars);
  }
}
