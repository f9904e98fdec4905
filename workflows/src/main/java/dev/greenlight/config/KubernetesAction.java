package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.greenlight.config.KubernetesOperation.DeletePods;
import dev.greenlight.config.KubernetesOperation.Rollback;
import dev.greenlight.config.KubernetesOperation.RolloutRestart;
import dev.greenlight.config.KubernetesOperation.RunJob;
import dev.greenlight.config.KubernetesOperation.Scale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A runbook action of {@code type: kubernetes}: one operation on one workload, all of it from the
 * catalog. The namespace and name are fixed or templates over {@code {service}} only; the
 * credentials are fabric8's own (in-cluster service account, {@code KUBECONFIG}, {@code
 * ~/.kube/config}), with {@code context} choosing a kubeconfig context.
 *
 * @param context the kubeconfig context, or null for the current one (or the in-cluster account)
 * @param namespace the namespace template
 * @param kind the workload's kind; null for {@code run-job}, which creates a Job
 * @param name the workload's name template; for {@code run-job} the Job name's prefix (null: the
 *     runbook ID)
 * @param operation what is done to the workload
 * @param undoWindow how long the thread offers Undo after a {@code scale} or {@code rollback} (key
 *     {@code undo-window}, default {@value #DEFAULT_UNDO_WINDOW_TEXT}, at most 24h; {@code 0s}: no
 *     Undo); the other operations have no inverse and take no window
 */
public record KubernetesAction(
    String context,
    String namespace,
    KubernetesKind kind,
    String name,
    KubernetesOperation operation,
    Duration undoWindow)
    implements ActionSpec {
  public static final String TYPE = "kubernetes";

  /** How long Undo is offered when the catalog does not say. */
  public static final Duration DEFAULT_UNDO_WINDOW = Duration.ofHours(1);

  static final String DEFAULT_UNDO_WINDOW_TEXT = "1h";

  /** The operation keys, in the order messages list them. */
  static final List<String> OPERATIONS =
      List.of("rollout-restart", "scale", "rollback", "delete-pods", "run-job");

  public KubernetesAction {
    if (context != null) {
      Check.text("context", context);
      Invalid.require(
          !context.contains("{"), "context", ": a kubeconfig context takes no placeholders");
    }
    KubernetesNames.template("namespace", namespace, true);
    Objects.requireNonNull(operation, "operation");
    undoWindow = UndoWindows.check(operation, undoWindow);
    if (operation instanceof RunJob) {
      Invalid.require(
          kind == null, "kind", " is not used by run-job: it creates a Job named from the run");
      if (name != null) {
        KubernetesNames.template("name", name, true);
        Invalid.require(
            name.length() <= 52, "name", " (the Job name prefix) must be at most 52 characters");
      }
    } else {
      Check.present("kind", kind);
      Invalid.require(
          kind != KubernetesKind.JOB, "kind", " must be deployment, statefulset or daemonset");
      KubernetesNames.template("name", name, false);
      if (operation instanceof Scale) {
        Invalid.require(kind != KubernetesKind.DAEMONSET, "kind", ": a daemonset cannot be scaled");
      }
      if (operation instanceof Rollback) {
        Invalid.require(
            kind == KubernetesKind.DEPLOYMENT,
            "kind",
            ": rollback works on a deployment only (got " + kind + ")");
      }
    }
  }

  /** The action a {@code kubernetes} mapping describes: exactly one operation key. */
  @JsonCreator
  static KubernetesAction fromFile(
      @JsonProperty("context") String context,
      @JsonProperty("namespace") String namespace,
      @JsonProperty("kind") KubernetesKind kind,
      @JsonProperty("name") String name,
      @JsonProperty("rollout-restart") RolloutRestart rolloutRestart,
      @JsonProperty("scale") Scale scale,
      @JsonProperty("rollback") Rollback rollback,
      @JsonProperty("delete-pods") DeletePods deletePods,
      @JsonProperty("run-job") RunJob runJob,
      @JsonProperty("undo-window") Duration undoWindow,
      @JsonProperty("undo") Boolean undo) {
    List<KubernetesOperation> given = new ArrayList<>();
    for (KubernetesOperation op :
        new KubernetesOperation[] {rolloutRestart, scale, rollback, deletePods, runJob}) {
      if (op != null) {
        given.add(op);
      }
    }
    Invalid.require(
        given.size() == 1,
        "",
        " must name exactly one operation of "
            + String.join(", ", OPERATIONS)
            + (given.isEmpty()
                ? " (one without keys is written rollout-restart: {})"
                : " (got " + String.join(", ", given.stream().map(o -> o.key()).toList()) + ")"));
    return new KubernetesAction(
        context,
        namespace,
        kind,
        name,
        given.get(0),
        UndoWindows.fromFile(given.get(0), undoWindow, undo));
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** The namespace for one incident. */
  public String namespace(Map<String, String> vars) {
    return KubernetesNames.render(namespace, vars);
  }

  /** The workload's name (for {@code run-job}: the Job name's prefix, may be null). */
  public String name(Map<String, String> vars) {
    return name == null ? null : KubernetesNames.render(name, vars);
  }

  /**
   * One line for the card and the proposal hash, e.g. {@code rollout restart
   * deployment/checkout-api in shop}.
   */
  @Override
  public String describe(Map<String, String> vars) {
    String target =
        operation instanceof RunJob
            ? (name == null ? "a job" : "job " + name(vars) + "-…") + " in " + namespace(vars)
            : kind + "/" + name(vars) + " in " + namespace(vars);
    String line = operation.describe(target, vars);
    return context == null ? line : line + " (context " + context + ")";
  }
}
