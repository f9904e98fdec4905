package dev.greenlight.action;

import dev.greenlight.api.ActionResult;
import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.ActionSpec;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import dev.greenlight.config.VerifySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A second action kind, {@code echo}, written by hand for tests: it proves a kind plugs in through
 * {@link ActionKinds} alone. The executor records what it was given and succeeds, or throws the
 * failure a test set.
 */
final class EchoKind {
  static final String TYPE = "echo";

  private EchoKind() {}

  /** The catalog record of the {@code echo} action: one word to echo back. */
  record EchoAction(String word) implements ActionSpec {
    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public String describe(Map<String, String> vars) {
      return "echo " + word + " for " + vars.get("service");
    }
  }

  /** The catalog record of the {@code echo} check: recovered after {@code beats} heartbeats. */
  record EchoCheck(int beats) implements VerifySpec {
    @Override
    public String type() {
      return TYPE;
    }
  }

  static final class Executor implements ActionExecutor<EchoAction> {
    final List<ActionContext> runs = new CopyOnWriteArrayList<>();
    volatile ActionFailure failWith;

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public Class<EchoAction> specType() {
      return EchoAction.class;
    }

    @Override
    public ActionResult run(EchoAction spec, ActionContext context) throws ActionFailure {
      runs.add(context);
      if (failWith != null) {
        throw failWith;
      }
      return new ActionResult(TYPE, "echoed " + spec.word(), context.idempotencyKey());
    }
  }

  static final class Check implements Verifier<EchoCheck> {
    final List<ActionContext> checks = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public Class<EchoCheck> specType() {
      return EchoCheck.class;
    }

    @Override
    public VerificationResult verify(EchoCheck spec, ActionContext context) {
      checks.add(context);
      for (int i = 1; i <= spec.beats(); i++) {
        context.heartbeat().beat("echo check " + i);
      }
      return new VerificationResult(true, 0, spec.beats(), "echo recovered");
    }
  }

  /** A runbook of {@code base}'s first one, with another action and check. */
  static Runbook runbook(Runbook base, String id, ActionSpec action, VerifySpec verify) {
    return new Runbook(
        id,
        base.label(),
        base.risk(),
        base.description(),
        base.examples(),
        action,
        verify,
        base.approvers());
  }

  /** {@code base} with {@code extra} appended to its catalog. */
  static GreenlightConfig withRunbooks(GreenlightConfig base, Runbook... extra) {
    List<Runbook> runbooks = new ArrayList<>(base.runbooks());
    runbooks.addAll(List.of(extra));
    return new GreenlightConfig(
        base.services(),
        base.policy(),
        base.approvers(),
        base.onCall(),
        base.channel(),
        runbooks,
        base.classifier(),
        base.approvals(),
        base.argo());
  }

  /** A context outside any activity, for calling a kind directly. */
  static ActionContext context(String runbookId, List<String> beats) {
    return new ActionContext(
        "GL-1",
        "incident-GL-1",
        runbookId,
        Map.of("service", "checkout-api", "incident", "GL-1"),
        ActionContext.idempotencyKey("incident-GL-1", runbookId),
        beats::add);
  }
}
