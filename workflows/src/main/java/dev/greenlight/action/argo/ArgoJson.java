package dev.greenlight.action.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * The few fields of the Argo Server's JSON that Greenlight reads or writes, after {@code
 * api/openapi-spec/swagger.json} ({@code io.argoproj.workflow.v1alpha1.*}). Everything else is
 * ignored.
 */
final class ArgoJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";
  static final String ERROR = "Error";
  static final String RUNNING = "Running";

  private ArgoJson() {}

  /** Output parameters as a node-level {@code set} sends them: a JSON object, as a string. */
  static String outputs(Map<String, String> outputs) {
    try {
      return MAPPER.writeValueAsString(outputs);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /** {@code io.argoproj.workflow.v1alpha1.Workflow}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Workflow(Metadata metadata, Spec spec, Status status) {
    String name() {
      return metadata == null ? null : metadata.name();
    }

    String phase() {
      return status == null || status.phase() == null ? "" : status.phase();
    }

    Map<String, String> labels() {
      return metadata == null || metadata.labels() == null ? Map.of() : metadata.labels();
    }

    Map<String, Node> nodes() {
      return status == null || status.nodes() == null ? Map.of() : status.nodes();
    }

    /** The workflow's own arguments ({@code spec.arguments.parameters}). */
    List<Parameter> arguments() {
      return spec == null || spec.arguments() == null ? List.of() : spec.arguments().params();
    }

    /** The shutdown strategy someone set ({@code Stop}, {@code Terminate}), or null. */
    String shutdown() {
      return spec == null || spec.shutdown() == null || spec.shutdown().isEmpty()
          ? null
          : spec.shutdown();
    }
  }

  /** {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Metadata(
      String name,
      String namespace,
      String uid,
      Map<String, String> labels,
      Map<String, String> annotations,
      String creationTimestamp) {}

  /**
   * {@code io.argoproj.workflow.v1alpha1.WorkflowSpec}: whether it was shut down, and its
   * arguments.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Spec(String shutdown, Io arguments) {
    Spec(String shutdown) {
      this(shutdown, null);
    }
  }

  /** {@code io.argoproj.workflow.v1alpha1.WorkflowStatus}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Status(String phase, String message, Map<String, Node> nodes) {}

  /** {@code io.argoproj.workflow.v1alpha1.NodeStatus}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Node(
      String id,
      String name,
      String displayName,
      String type,
      String phase,
      String message,
      String templateName,
      String startedAt,
      String finishedAt,
      Io inputs,
      Io outputs) {
    String label() {
      return displayName != null && !displayName.isEmpty() ? displayName : name;
    }

    /** Argo's {@code IsActiveSuspendNode}: a Suspend node still Running. */
    boolean activeSuspend() {
      return "Suspend".equals(type) && RUNNING.equals(phase);
    }

    List<Parameter> inputParameters() {
      return inputs == null ? List.of() : inputs.params();
    }

    List<Parameter> outputParameters() {
      return outputs == null ? List.of() : outputs.params();
    }
  }

  /** {@code io.argoproj.workflow.v1alpha1.Inputs} and {@code Outputs}: only the parameters. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Io(List<Parameter> parameters) {
    List<Parameter> params() {
      return parameters == null ? List.of() : parameters;
    }
  }

  /**
   * {@code io.argoproj.workflow.v1alpha1.Parameter}: a suspend node's output that waits to be
   * supplied has {@code valueFrom.supplied} and no value.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Parameter(String name, String value, ValueFrom valueFrom) {
    boolean awaitsSupply() {
      return valueFrom != null && valueFrom.supplied() != null;
    }
  }

  /** {@code io.argoproj.workflow.v1alpha1.ValueFrom}: only whether it is supplied. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ValueFrom(Map<String, Object> supplied) {}

  /** {@code io.argoproj.workflow.v1alpha1.WorkflowList}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record WorkflowList(List<Workflow> items) {
    List<Workflow> workflows() {
      return items == null ? List.of() : items;
    }
  }

  /** {@code io.argoproj.workflow.v1alpha1.WorkflowSubmitRequest}. */
  record SubmitRequest(
      String namespace, String resourceKind, String resourceName, SubmitOptions submitOptions) {}

  /**
   * {@code io.argoproj.workflow.v1alpha1.SubmitOpts}: {@code parameters} as {@code name=value},
   * {@code labels} as {@code k1=v1,k2=v2}.
   */
  record SubmitOptions(String name, List<String> parameters, String labels) {}

  /**
   * {@code WorkflowSetRequest}, {@code WorkflowResumeRequest} and {@code WorkflowStopRequest}: the
   * fields a node-level set, resume or stop sends (absent ones are left out of the JSON).
   */
  record NodeRequest(
      String namespace,
      String name,
      String nodeFieldSelector,
      String message,
      String outputParameters) {}

  /** {@code grpc.gateway.runtime.Error}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ApiError(Integer code, String message) {}
}
