package dev.greenlight.workflows;

import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.slf4j.Logger;

/**
 * What the incident tells Slack: its card, the replies in the card's thread and private notes.
 * Notifications never decide whether or when a remediation runs.
 *
 * <p>Since version 1 of {@link #CHANGE_ID} they are queued: each runs after the ones before it, in
 * order, on its own retry schedule, while the incident goes on; a card update that a newer one has
 * overtaken is skipped; a notification that fails for good is recorded and the queue moves on.
 * Incidents started before told Slack in line, as their histories were recorded; they still do, but
 * a failure no longer fails them.
 */
final class Notices {
  /** The {@code Workflow.getVersion} change that took notifications off the critical path. */
  static final String CHANGE_ID = "notifications-off-critical-path";

  /**
   * The {@code Workflow.getVersion} change after which a thread reply gets only what it shows
   * ({@link IncidentCard#forReply}); taken at the incident's first reply.
   */
  static final String LEAN_REPLIES_CHANGE = "lean-replies";

  /** How long a finished incident waits for its last notifications before it completes. */
  static final Duration DRAIN = Duration.ofMinutes(15);

  private static final Logger log = Workflow.getLogger(Notices.class);

  private final NotificationActivities notify;
  private final NotificationActivities local;
  private final boolean queued;
  private final BiConsumer<String, String> onFailure;
  private CardRef cardRef;
  private Promise<Void> tail = done();
  private int cardVersion;
  private Boolean leanReplies;

  /**
   * @param notify the notifications as regular activities, with the long retry schedule
   * @param local the same as local activities with a short retry budget, tried first; null: none
   * @param onFailure told what could not be sent and why, for the incident's timeline
   */
  Notices(
      NotificationActivities notify,
      NotificationActivities local,
      boolean queued,
      BiConsumer<String, String> onFailure) {
    this.notify = notify;
    this.local = local;
    this.queued = queued;
    this.onFailure = onFailure;
  }

  /**
   * The notices of this incident's version: queued, local first, for new incidents; in line, as
   * regular activities, for incidents started before {@link #CHANGE_ID}.
   */
  static Notices forThisIncident(
      NotificationActivities notify,
      NotificationActivities local,
      BiConsumer<String, String> onFailure) {
    boolean queued = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == 1;
    return queued
        ? new Notices(notify, local, true, onFailure)
        : new Notices(notify, null, false, onFailure);
  }

  /** Where the card was posted, once Slack said so; null before (or when it could not be). */
  CardRef cardRef() {
    return cardRef;
  }

  /** Whether notifications are queued (the incident's version). */
  boolean queued() {
    return queued;
  }

  void postCard(String channelId, IncidentCard card) {
    if (!queued) {
      inline("the card", () -> posted(channelId, notify.postCard(channelId, card)));
      return;
    }
    Promise<Void> posted =
        tail.thenCompose(ignored -> send(n -> Async.function(n::postCard, channelId, card)))
            .thenApply(
                ref -> {
                  posted(channelId, ref);
                  return null;
                });
    tail = recover(posted, "the card");
  }

  /**
   * Keeps where the card was posted. A card posted elsewhere than asked (Slack refused the channel
   * and the notifier fell back to another place) is recorded: the channel was not told.
   */
  private void posted(String channelId, CardRef ref) {
    cardRef = ref;
    if (ref != null && channelId != null && !channelId.equals(ref.channel())) {
      onFailure.accept(
          "the card in " + channelId,
          "Slack refused that channel; the card was posted in " + ref.channel() + " instead");
    }
  }

  void updateCard(IncidentCard card) {
    if (!queued) {
      inline("a card update", () -> notify.updateCard(cardRef, card));
      return;
    }
    int version = ++cardVersion;
    enqueue(
        "a card update",
        () ->
            version < cardVersion || cardRef == null
                ? done()
                : send(n -> Async.procedure(n::updateCard, cardRef, card)));
  }

  void postUpdate(IncidentCard full, ThreadUpdate update) {
    IncidentCard card = leanReplies() ? full.forReply() : full;
    String what = "thread update " + update.step();
    if (!queued) {
      inline(what, () -> notify.postUpdate(cardRef, card, update));
      return;
    }
    enqueue(what, () -> send(n -> Async.procedure(n::postUpdate, cardRef, card, update)));
  }

  /** Whether replies get the lean card: decided once, at the first reply, as its version says. */
  private boolean leanReplies() {
    if (leanReplies == null) {
      leanReplies = Workflow.getVersion(LEAN_REPLIES_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    }
    return leanReplies;
  }

  void tell(String userId, Refusal refusal) {
    String what = "a private note to " + userId;
    if (!queued) {
      inline(what, () -> notify.tellUser(cardRef, userId, refusal));
      return;
    }
    enqueue(what, () -> send(n -> Async.procedure(n::tellUser, cardRef, userId, refusal)));
  }

  /** Whether everything queued was sent or given up. */
  boolean idle() {
    return !queued || tail.isCompleted();
  }

  /** Waits, at most {@link #DRAIN}, until everything queued was sent or given up. */
  void drain() {
    if (queued) {
      Workflow.await(DRAIN, tail::isCompleted);
    }
  }

  /**
   * Sends through the local activity first; a retryable failure there goes on as a regular
   * activity, a permanent one (Slack refused it) fails the step at once.
   */
  private <T> Promise<T> send(Functions.Func1<NotificationActivities, Promise<T>> call) {
    if (local == null) {
      return call.apply(notify);
    }
    return call.apply(local)
        .handle((value, failure) -> new Attempt<>(value, failure))
        .thenCompose(
            a ->
                a.failure() == null
                    ? Workflow.newPromise(a.value())
                    : permanent(a.failure())
                        ? Workflow.<T>newFailedPromise(a.failure())
                        : call.apply(notify));
  }

  private record Attempt<T>(T value, RuntimeException failure) {}

  private static boolean permanent(RuntimeException failure) {
    Throwable t = failure;
    while (t != null) {
      if (t instanceof ApplicationFailure af && af.isNonRetryable()) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }

  private void enqueue(String what, Functions.Func<Promise<Void>> send) {
    tail = recover(tail.thenCompose(ignored -> send.apply()), what);
  }

  private Promise<Void> recover(Promise<Void> step, String what) {
    return step.exceptionally(
        e -> {
          failed(what, e);
          return null;
        });
  }

  private void inline(String what, Runnable send) {
    try {
      send.run();
    } catch (ActivityFailure e) {
      failed(what, e);
    }
  }

  private void failed(String what, Throwable e) {
    String why = Incident.rootMessage(e);
    log.warn("Could not send {}: {}", what, why);
    onFailure.accept(what, why);
  }

  private static Promise<Void> done() {
    CompletablePromise<Void> p = Workflow.newPromise();
    p.complete(null);
    return p;
  }
}
