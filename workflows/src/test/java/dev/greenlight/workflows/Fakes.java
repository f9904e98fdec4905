package dev.greenlight.workflows;

import dev.greenlight.activities.ClassifyActivities;
import dev.greenlight.activities.DirectoryActivities;
import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.activities.RemediationActivities;
import dev.greenlight.api.ActionResult;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Principal;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.Risk;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.api.VerificationResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-written fakes for the activities: they record what the workflow asked of them. */
final class Fakes {
  private Fakes() {}

  static Classification classification(Risk risk, double confidence) {
    return new Classification(
        "oom-killed",
        confidence,
        "restart-oom-pods",
        risk,
        "POST http://127.0.0.1/restart?service=checkout-api",
        "pods OOMKilled",
        "test-model");
  }

  static final class Classifier implements ClassifyActivities {
    volatile Classification answer = classification(Risk.MEDIUM, 0.9);

    /** How many calls fail (retryably, or not when {@link #failPermanently}) before it answers. */
    final AtomicInteger failFirst = new AtomicInteger();

    volatile boolean failPermanently;

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Classification classify(String service, String incidentId, String text) {
      calls.incrementAndGet();
      if (failFirst.getAndDecrement() > 0) {
        throw failPermanently
            ? io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
                "the catalog is broken", "BrokenCatalog")
            : new IllegalStateException("the model is still loading");
      }
      return answer;
    }

    @Override
    public Classification describe(String runbookId, String service, String incidentId) {
      if (!runbookId.equals("rollback-deploy")) {
        throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
            "no " + runbookId, "UnknownRunbook");
      }
      return new Classification(
          "bad-deploy",
          1.0,
          "rollback-deploy",
          Risk.HIGH,
          "POST http://127.0.0.1/rollback?service=" + service,
          null,
          "picked by a person");
    }
  }

  static final class Notifier implements NotificationActivities {
    /** When set, every call fails with this Slack error. */
    volatile String slackError;

    /** Whether {@link #slackError} is worth retrying (an outage) or not (a permanent refusal). */
    volatile boolean retryable;

    final AtomicInteger failedCalls = new AtomicInteger();
    final List<IncidentCard> posted = new CopyOnWriteArrayList<>();
    final List<IncidentCard> updates = new CopyOnWriteArrayList<>();
    final List<ThreadUpdate.Step> steps = new CopyOnWriteArrayList<>();

    @Override
    public CardRef postCard(String channelId, IncidentCard card) {
      failIfSlackIsDown();
      posted.add(card);
      return new CardRef(channelId, "1700000000.000100");
    }

    /** Runs inside the card update that shows the outcome, before it returns; null: nothing. */
    volatile Runnable whileShowingTheOutcome;

    @Override
    public void updateCard(CardRef card, IncidentCard content) {
      failIfSlackIsDown();
      updates.add(content);
      Runnable hook = whileShowingTheOutcome;
      if (hook != null && content.outcome() != null) {
        whileShowingTheOutcome = null;
        hook.run();
      }
    }

    final List<ThreadUpdate> threadUpdates = new CopyOnWriteArrayList<>();

    /** Every state the Undo reply was shown in, first the offer. */
    final List<dev.greenlight.api.UndoOffer> undoOffers = new CopyOnWriteArrayList<>();

    static final CardRef UNDO_MESSAGE = new CardRef("C0INCIDENTS", "1700000000.000900");

    @Override
    public CardRef offerUndo(CardRef card, IncidentCard content, dev.greenlight.api.UndoOffer o) {
      failIfSlackIsDown();
      undoOffers.add(o);
      return UNDO_MESSAGE;
    }

    @Override
    public void updateUndo(CardRef message, IncidentCard content, dev.greenlight.api.UndoOffer o) {
      failIfSlackIsDown();
      undoOffers.add(o);
    }

    final List<String> told = new CopyOnWriteArrayList<>();

    @Override
    public void postUpdate(CardRef card, IncidentCard content, ThreadUpdate update) {
      failIfSlackIsDown();
      steps.add(update.step());
      threadUpdates.add(update);
    }

    @Override
    public void tellUser(CardRef card, String userId, Refusal refusal) {
      failIfSlackIsDown();
      told.add(userId + ":" + refusal.reason());
    }

    private void failIfSlackIsDown() {
      String error = slackError;
      if (error != null) {
        failedCalls.incrementAndGet();
        String message = "chat answered error '" + error + "'";
        throw retryable
            ? io.temporal.failure.ApplicationFailure.newFailure(message, "SlackError")
            : io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
                message, "SlackRefused");
      }
    }
  }

  static final class Directory implements DirectoryActivities {
    volatile List<String> members = List.of("U0GROUPIE");
    final java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public List<String> resolveApprovers(List<Principal> principals) {
      lookups.incrementAndGet();
      List<String> out = new java.util.ArrayList<>();
      for (Principal p : principals) {
        if (p.isGroup()) {
          out.addAll(members);
        } else {
          out.add(p.id());
        }
      }
      return out;
    }
  }

  static final class Remediator implements RemediationActivities {
    final AtomicInteger actions = new AtomicInteger();
    final List<String> keys = new CopyOnWriteArrayList<>();
    volatile boolean recovers = true;

    final List<String> hashes = new CopyOnWriteArrayList<>();
    volatile String currentHash;

    /** The test server's clock, and when the action last ran by it. */
    volatile java.util.function.LongSupplier clock = System::currentTimeMillis;

    volatile long ranAtMillis;

    @Override
    public ActionResult remediate(
        String workflowId,
        String incidentId,
        String runbookId,
        String service,
        String proposalHash) {
      hashes.add(String.valueOf(proposalHash));
      if (currentHash != null && !currentHash.equals(proposalHash)) {
        throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
            "changed", "ProposalChanged");
      }
      actions.incrementAndGet();
      ranAtMillis = clock.getAsLong();
      keys.add(workflowId + ":" + runbookId);
      return new ActionResult("http", "HTTP 200", workflowId + ":" + runbookId, undo);
    }

    /** What the action's result offers to undo (null: nothing); the Undos that ran. */
    volatile dev.greenlight.api.UndoPlan undo;

    final List<String> undone = new CopyOnWriteArrayList<>();

    @Override
    public ActionResult undo(
        String workflowId,
        String incidentId,
        String runbookId,
        String service,
        dev.greenlight.api.UndoPlan plan) {
      undone.add(plan.kind() + " " + plan.value());
      return new ActionResult("kubernetes", "replicas 6 -> " + plan.value(), workflowId + ":undo");
    }

    /** What the dry run answers (null: the kind has none); {@link #previewFails} fails it. */
    volatile dev.greenlight.api.ActionPreview preview;

    volatile boolean previewFails;
    final AtomicInteger previews = new AtomicInteger();

    @Override
    public dev.greenlight.api.ActionPreview preview(
        String workflowId, String incidentId, String runbookId, String service) {
      previews.incrementAndGet();
      if (previewFails) {
        throw io.temporal.failure.ApplicationFailure.newFailure(
            "connect timed out", "ActionIOError");
      }
      return preview;
    }

    @Override
    public VerificationResult verify(String incidentId, String runbookId, String service) {
      return new VerificationResult(
          recovers, recovers ? 200 : 503, 3, recovers ? "ok" : "still 503");
    }
  }
}
