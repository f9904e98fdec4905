package dev.greenlight.bench;

import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.GateState;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.api.ThreadUpdate.Step;
import io.temporal.activity.Activity;
import java.util.EnumSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The real Slack notifier, with timestamps: the first activity the workflow runs after its gate
 * (the card refresh that shows the decision) marks "past the gate". Every incident in the harness
 * has its own channel, so events are keyed by channel.
 */
final class RecordingNotifier implements NotificationActivities {
  private static final Set<Step> DONE =
      EnumSet.of(
          Step.RECOVERED,
          Step.ESCALATED,
          Step.REMEDIATION_FAILED,
          Step.REJECTED,
          Step.EXPIRED,
          Step.NO_RUNBOOK);
  private static final Set<GateState> DECIDED = EnumSet.of(GateState.APPROVED, GateState.REJECTED);

  private final NotificationActivities slack;
  private final Map<String, String> nonces = new ConcurrentHashMap<>();
  private final Map<String, String> workflowIds = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Long>> atGate = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Long>> pastGate = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Long>> done = new ConcurrentHashMap<>();

  /** Activity schedule-to-start lag (ns, ms resolution) while non-null. */
  private volatile Queue<Long> lagSamples;

  RecordingNotifier(NotificationActivities slack) {
    this.slack = slack;
  }

  @Override
  public CardRef postCard(String channelId, IncidentCard card) {
    lag();
    workflowIds.put(channelId, card.workflowId());
    if (card.gate() != null && card.gate().nonce() != null) {
      nonces.put(channelId, card.gate().nonce());
    }
    return slack.postCard(channelId, card);
  }

  @Override
  public void updateCard(CardRef card, IncidentCard content) {
    long now = System.nanoTime();
    lag();
    if (content.gate() != null && DECIDED.contains(content.gate().state())) {
      future(pastGate, card.channel()).complete(now);
    }
    slack.updateCard(card, content);
  }

  @Override
  public void postUpdate(CardRef card, IncidentCard content, ThreadUpdate update) {
    lag();
    slack.postUpdate(card, content, update);
    long end = System.nanoTime();
    if (update.step() == Step.AWAITING_APPROVAL) {
      future(atGate, card.channel()).complete(end);
    } else if (DONE.contains(update.step())) {
      future(done, card.channel()).complete(end);
    }
  }

  @Override
  public void tellUser(CardRef card, String userId, Refusal refusal) {
    lag();
    slack.tellUser(card, userId, refusal);
  }

  String workflowId(String channel) {
    return workflowIds.get(channel);
  }

  String nonce(String channel) {
    return nonces.get(channel);
  }

  /** Completes (nanoTime) when the workflow has told Slack it waits at the gate. */
  CompletableFuture<Long> atGate(String channel) {
    return future(atGate, channel);
  }

  /** Completes (nanoTime) when the workflow's first post-gate activity starts. */
  CompletableFuture<Long> pastGate(String channel) {
    return future(pastGate, channel);
  }

  /** Completes (nanoTime) when the incident's last thread update was posted. */
  CompletableFuture<Long> done(String channel) {
    return future(done, channel);
  }

  /** Starts recording activity schedule-to-start lag into a new queue, returned. */
  Queue<Long> startLag() {
    Queue<Long> q = new ConcurrentLinkedQueue<>();
    lagSamples = q;
    return q;
  }

  void stopLag() {
    lagSamples = null;
  }

  private void lag() {
    Queue<Long> q = lagSamples;
    if (q != null) {
      long scheduled =
          Activity.getExecutionContext().getInfo().getCurrentAttemptScheduledTimestamp();
      q.add(Math.max(0, System.currentTimeMillis() - scheduled) * 1_000_000L);
    }
  }

  private static CompletableFuture<Long> future(Map<String, CompletableFuture<Long>> m, String k) {
    return m.computeIfAbsent(k, x -> new CompletableFuture<>());
  }
}
