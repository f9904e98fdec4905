package dev.greenlight.action;

import dev.greenlight.api.ActionResult;
import dev.greenlight.api.UndoPlan;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.ActionSpec;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.Runbook;
import dev.greenlight.config.VerifySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The action and verification kinds this worker can run, keyed by the catalog's {@code action.type}
 * and {@code verify.type}. Built once at worker start; {@link #requireAll} then refuses a catalog
 * that names a kind without an implementation, so a typo or a missing kind stops the worker instead
 * of failing the first approved incident.
 */
public final class ActionKinds {
  private final Map<String, ActionExecutor<?>> executors;
  private final Map<String, Verifier<?>> verifiers;

  private ActionKinds(
      Map<String, ActionExecutor<?>> executors, Map<String, Verifier<?>> verifiers) {
    this.executors = Map.copyOf(executors);
    this.verifiers = Map.copyOf(verifiers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks that every runbook's action and verification has an implementation of its type that
   * accepts its spec record.
   *
   * @throws ConfigException naming the first runbook, the key and the type that cannot run
   */
  public void requireAll(List<Runbook> runbooks) {
    for (int i = 0; i < runbooks.size(); i++) {
      Runbook r = runbooks.get(i);
      String actionType = r.action().type();
      ActionExecutor<?> executor = executors.get(actionType);
      if (executor == null) {
        throw missing(r, i, "action", actionType, executors);
      }
      if (!executor.specType().isInstance(r.action())) {
        throw mismatch(r, i, "action", actionType, executor.specType(), r.action());
      }
      String verifyType = r.verify().type();
      Verifier<?> verifier = verifiers.get(verifyType);
      if (verifier == null) {
        throw missing(r, i, "verify", verifyType, verifiers);
      }
      if (!verifier.specType().isInstance(r.verify())) {
        throw mismatch(r, i, "verify", verifyType, verifier.specType(), r.verify());
      }
    }
  }

  private static ConfigException missing(
      Runbook r, int index, String key, String type, Map<String, ?> kinds) {
    return new ConfigException(
        String.format(
            "runbook '%s' (runbooks[%d].%s.type): no implementation of %s type '%s' on this"
                + " worker%s",
            r.id(), index, key, key, type, known(kinds)));
  }

  private static ConfigException mismatch(
      Runbook r, int index, String key, String type, Class<?> expected, Object spec) {
    return new ConfigException(
        String.format(
            "runbook '%s' (runbooks[%d].%s.type): %s type '%s' runs %s specs, not %s",
            r.id(),
            index,
            key,
            key,
            type,
            expected.getSimpleName(),
            spec.getClass().getSimpleName()));
  }

  /** Runs {@code spec} with the executor of its type. */
  public ActionResult run(ActionSpec spec, ActionContext context) throws ActionFailure {
    return run(lookup(executors, spec.type(), "action"), spec, context);
  }

  /**
   * Previews {@code spec} with the executor of its type: what it would change, without changing
   * anything; empty when the kind has no preview.
   */
  public Optional<String> preview(ActionSpec spec, ActionContext context) throws ActionFailure {
    return preview(lookup(executors, spec.type(), "action"), spec, context);
  }

  /** Checks {@code spec} with the verifier of its type. */
  public VerificationResult verify(VerifySpec spec, ActionContext context)
      throws ActionFailure, InterruptedException {
    return verify(lookup(verifiers, spec.type(), "verify"), spec, context);
  }

  /** Undoes what the action of {@code spec} changed, as {@code plan} says. */
  public ActionResult undo(ActionSpec spec, ActionContext context, UndoPlan plan)
      throws ActionFailure {
    return undo(lookup(executors, spec.type(), "action"), spec, context, plan);
  }

  private static <S extends ActionSpec> ActionResult undo(
      ActionExecutor<S> executor, ActionSpec spec, ActionContext context, UndoPlan plan)
      throws ActionFailure {
    return executor.undo(executor.specType().cast(spec), context, plan);
  }

  private static <S extends ActionSpec> ActionResult run(
      ActionExecutor<S> executor, ActionSpec spec, ActionContext context) throws ActionFailure {
    return executor.run(executor.specType().cast(spec), context);
  }

  private static <S extends ActionSpec> Optional<String> preview(
      ActionExecutor<S> executor, ActionSpec spec, ActionContext context) throws ActionFailure {
    return executor.preview(executor.specType().cast(spec), context);
  }

  private static <S extends VerifySpec> VerificationResult verify(
      Verifier<S> verifier, VerifySpec spec, ActionContext context)
      throws ActionFailure, InterruptedException {
    return verifier.verify(verifier.specType().cast(spec), context);
  }

  private static <T> T lookup(Map<String, T> kinds, String type, String key) {
    T kind = kinds.get(type);
    if (kind == null) {
      // Unreachable once requireAll passed for the catalog this worker serves.
      throw new IllegalStateException(
          "no implementation for " + key + " type '" + type + "'" + known(kinds));
    }
    return kind;
  }

  private static String known(Map<String, ?> kinds) {
    return " (known: " + String.join(", ", new TreeMap<>(kinds).keySet()) + ")";
  }

  /** Collects the kinds; a type registered twice is refused. */
  public static final class Builder {
    private final Map<String, ActionExecutor<?>> executors = new TreeMap<>();
    private final Map<String, Verifier<?>> verifiers = new TreeMap<>();

    private Builder() {}

    public Builder executor(ActionExecutor<?> executor) {
      if (executors.putIfAbsent(executor.type(), executor) != null) {
        throw new IllegalArgumentException(
            "action type '" + executor.type() + "' is registered twice");
      }
      return this;
    }

    public Builder verifier(Verifier<?> verifier) {
      if (verifiers.putIfAbsent(verifier.type(), verifier) != null) {
        throw new IllegalArgumentException(
            "verify type '" + verifier.type() + "' is registered twice");
      }
      return this;
    }

    public ActionKinds build() {
      return new ActionKinds(executors, verifiers);
    }
  }
}
