package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;

/**
 * How a runbook verifies recovery with {@code type: kubernetes-rollout}: polls the workload every
 * {@code interval} until what {@code kubectl rollout status} checks holds, or a Job until it
 * succeeded or failed, for at most {@code timeout}.
 *
 * @param context the kubeconfig context, or null for the current one
 * @param namespace the namespace template ({@code {service}} only)
 * @param kind deployment, statefulset, daemonset or job
 * @param name the workload's name template; for a job, the prefix the {@code run-job} action used
 *     (null: the runbook ID), completed from the idempotency key
 * @param timeout how long to keep checking, at most 50 minutes
 * @param interval the pause between two checks, at most a minute and at most {@code timeout}
 */
public record KubernetesRollout(
    String context,
    String namespace,
    KubernetesKind kind,
    String name,
    Duration timeout,
    Duration interval)
    implements VerifySpec {
  public static final String TYPE = "kubernetes-rollout";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  public KubernetesRollout {
    if (context != null) {
      Check.text("context", context);
      Invalid.require(
          !context.contains("{"), "context", ": a kubeconfig context takes no placeholders");
    }
    KubernetesNames.template("namespace", namespace, true);
    Check.present("kind", kind);
    if (kind == KubernetesKind.JOB) {
      if (name != null) {
        KubernetesNames.template("name", name, true);
        Invalid.require(
            name.length() <= 52, "name", " (the Job name prefix) must be at most 52 characters");
      }
    } else {
      KubernetesNames.template("name", name, false);
    }
    Check.duration("timeout", timeout, Duration.ofMinutes(50), "50m");
    Check.duration("interval", interval, Duration.ofMinutes(1), "1m");
    if (interval.compareTo(timeout) > 0) {
      throw new Invalid("interval", " must not be longer than ", "timeout");
    }
  }

  /** The check a {@code kubernetes-rollout} mapping describes, with the defaults it leaves out. */
  @JsonCreator
  static KubernetesRollout fromFile(
      @JsonProperty("context") String context,
      @JsonProperty("namespace") String namespace,
      @JsonProperty("kind") KubernetesKind kind,
      @JsonProperty("name") String name,
      @JsonProperty("timeout") Duration timeout,
      @JsonProperty("interval") Duration interval) {
    return new KubernetesRollout(
        context,
        namespace,
        kind,
        name,
        timeout == null ? DEFAULT_TIMEOUT : timeout,
        interval == null ? DEFAULT_INTERVAL : interval);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** The namespace for one incident. */
  public String namespace(Map<String, String> vars) {
    return KubernetesNames.render(namespace, vars);
  }

  /** The workload's name, or for a job the prefix (may be null). */
  public String name(Map<String, String> vars) {
    return name == null ? null : KubernetesNames.render(name, vars);
  }
}
