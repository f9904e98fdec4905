package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a {@code kubernetes} action does to its target, one record per operation, each with its own
 * keys. The catalog names exactly one of them under its key ({@code rollout-restart: {}}, {@code
 * scale: {replicas: 6}}, ...).
 */
public sealed interface KubernetesOperation {
  /** The catalog key of the operation, e.g. {@code rollout-restart}. */
  String key();

  /** One line for the card, e.g. {@code rollout restart deployment/x in shop}. */
  String describe(String target, Map<String, String> vars);

  /**
   * {@code rollout-restart}: sets {@code kubectl.kubernetes.io/restartedAt} on the pod template, as
   * {@code kubectl rollout restart} does. No keys.
   */
  record RolloutRestart() implements KubernetesOperation {
    @Override
    public String key() {
      return "rollout-restart";
    }

    @Override
    public String describe(String target, Map<String, String> vars) {
      return "rollout restart " + target;
    }
  }

  /**
   * {@code scale}: to a fixed count ({@code replicas}) or up {@code by} a step but never above
   * {@code max}.
   *
   * @param replicas the count to scale to, 0 to 1000; null when {@code by} is given
   * @param by how many replicas to add, 1 to 100; null when {@code replicas} is given
   * @param max the most replicas {@code by} may reach, 1 to 1000; null with {@code replicas}
   */
  record Scale(Integer replicas, Integer by, Integer max) implements KubernetesOperation {
    public Scale {
      Invalid.require(
          (replicas == null) != (by == null), "", " must name either replicas or by (not both)");
      if (replicas != null) {
        Check.between("replicas", replicas, 0, 1000);
        Invalid.require(max == null, "max", " applies only with by (replicas is already fixed)");
      } else {
        Check.between("by", by, 1, 100);
        Check.present("max", max);
        Check.between("max", max, 1, 1000);
      }
    }

    @Override
    public String key() {
      return "scale";
    }

    @Override
    public String describe(String target, Map<String, String> vars) {
      return replicas != null
          ? "scale " + target + " to " + replicas + " replicas"
          : "scale " + target + " by +" + by + " (at most " + max + " replicas)";
    }
  }

  /**
   * {@code rollback}: a Deployment back to its previous ReplicaSet revision, as {@code kubectl
   * rollout undo} does. No keys.
   */
  record Rollback() implements KubernetesOperation {
    @Override
    public String key() {
      return "rollback";
    }

    @Override
    public String describe(String target, Map<String, String> vars) {
      return "roll back " + target + " to its previous revision";
    }
  }

  /**
   * {@code delete-pods}: deletes at most {@code max} pods of the target workload in total, however
   * often the action is retried.
   *
   * @param selector labels the pods must carry besides the workload's selector; values may use
   *     {@code {service}}
   * @param max the blast radius, 1 to 50
   * @param onlyNotReady whether only pods that are not Ready may be deleted
   */
  record DeletePods(Map<String, String> selector, int max, boolean onlyNotReady)
      implements KubernetesOperation {
    private static final Pattern LABEL_KEY =
        Pattern.compile(
            "([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    public DeletePods {
      selector = selector == null ? Map.of() : Map.copyOf(new TreeMap<>(selector));
      for (Map.Entry<String, String> e : selector.entrySet()) {
        Invalid.require(
            LABEL_KEY.matcher(e.getKey()).matches() && e.getKey().length() <= 316,
            "selector",
            ": '" + e.getKey() + "' is not a valid label key");
        KubernetesNames.template("selector." + e.getKey(), e.getValue(), true);
      }
      Check.between("max", max, 1, 50);
    }

    @JsonCreator
    static DeletePods fromFile(
        @JsonProperty("selector") Map<String, String> selector,
        @JsonProperty("max") Integer max,
        @JsonProperty("only-not-ready") Boolean onlyNotReady) {
      return new DeletePods(
          selector, Check.present("max", max), onlyNotReady != null && onlyNotReady);
    }

    /** The extra selector rendered for one incident, in key order. */
    public Map<String, String> selector(Map<String, String> vars) {
      Map<String, String> out = new TreeMap<>();
      selector.forEach((k, v) -> out.put(k, KubernetesNames.render(v, vars)));
      return out;
    }

    @Override
    public String key() {
      return "delete-pods";
    }

    @Override
    public String describe(String target, Map<String, String> vars) {
      return "delete at most "
          + max
          + (onlyNotReady ? " not-Ready" : "")
          + " pods of "
          + target
          + (selector.isEmpty()
              ? ""
              : " matching "
                  + selector(vars).entrySet().stream()
                      .map(e -> e.getKey() + "=" + e.getValue())
                      .collect(Collectors.joining(",")));
    }
  }

  /**
   * {@code run-job}: creates one Job from this template, named from the idempotency key.
   *
   * @param image the container image, fixed in the catalog
   * @param command the container's command; items may use {@code {service}} and {@code {incident}};
   *     empty for the image's entrypoint
   * @param env environment variables; values may use {@code {service}} and {@code {incident}}
   * @param backoffLimit how often Kubernetes retries a failed pod, 0 to 10
   * @param activeDeadline how long the Job may run, at most 1 hour
   */
  record RunJob(
      String image,
      List<String> command,
      Map<String, String> env,
      int backoffLimit,
      Duration activeDeadline)
      implements KubernetesOperation {
    public static final Duration DEFAULT_ACTIVE_DEADLINE = Duration.ofMinutes(10);
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public RunJob {
      Check.text("image", image);
      Invalid.require(
          IMAGE.matcher(image).matches(),
          "image",
          ": '" + image + "' is not an image reference (no placeholders, no spaces)");
      command = command == null ? List.of() : List.copyOf(command);
      for (int i = 0; i < command.size(); i++) {
        Check.template("command[" + i + "]", command.get(i));
      }
      env = env == null ? Map.of() : Map.copyOf(new TreeMap<>(env));
      for (Map.Entry<String, String> e : env.entrySet()) {
        Invalid.require(
            ENV_NAME.matcher(e.getKey()).matches(),
            "env",
            ": '" + e.getKey() + "' is not a valid environment variable name");
        Check.template("env." + e.getKey(), e.getValue());
      }
      Check.between("backoff-limit", backoffLimit, 0, 10);
      Check.duration("active-deadline", activeDeadline, Duration.ofHours(1), "1h");
      Invalid.require(activeDeadline.toSeconds() >= 1, "active-deadline", " must be at least 1s");
    }

    @JsonCreator
    static RunJob fromFile(
        @JsonProperty("image") String image,
        @JsonProperty("command") List<String> command,
        @JsonProperty("env") Map<String, String> env,
        @JsonProperty("backoff-limit") Integer backoffLimit,
        @JsonProperty("active-deadline") Duration activeDeadline) {
      return new RunJob(
          image,
          command,
          env,
          backoffLimit == null ? 0 : backoffLimit,
          activeDeadline == null ? DEFAULT_ACTIVE_DEADLINE : activeDeadline);
    }

    /** The command rendered for one incident. */
    public List<String> command(Map<String, String> vars) {
      return command.stream().map(c -> Template.renderBody(c, vars)).toList();
    }

    /** The environment rendered for one incident, in name order. */
    public Map<String, String> env(Map<String, String> vars) {
      Map<String, String> out = new TreeMap<>();
      env.forEach((k, v) -> out.put(k, Template.renderBody(v, vars)));
      return out;
    }

    /** Everything that decides what the Job runs, for the card and the proposal hash. */
    @Override
    public String describe(String target, Map<String, String> vars) {
      StringBuilder out = new StringBuilder("run ").append(target).append(": image ").append(image);
      if (!command.isEmpty()) {
        out.append(", command ").append(String.join(" ", command(vars)));
      }
      if (!env.isEmpty()) {
        out.append(", env ")
            .append(
                env(vars).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
      }
      return out.toString();
    }

    @Override
    public String key() {
      return "run-job";
    }
  }
}
