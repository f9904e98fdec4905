package dev.greenlight.workflows;

import dev.greenlight.activities.ClassifyActivities;
import dev.greenlight.activities.DirectoryActivities;
import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.activities.RemediationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The activity stubs and their timeouts and retry policies, in one place. */
final class IncidentActivities {
  /** The failure type no retry policy here retries: a bad configuration stays bad. */
  static final String DO_NOT_RETRY = "dev.greenlight.config.ConfigException";

  /** Read-only: retried freely. */
  final ClassifyActivities classify =
      Workflow.newActivityStub(
          ClassifyActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(retry(Duration.ofSeconds(1), Duration.ofSeconds(30), 10))
              .build());

  /**
   * Classification and a picked runbook's description as local activities, tried first (version 1
   * of {@link Reads#CHANGE_ID}). The minute covers an LLM's bounded retries; the SDK keeps the
   * workflow task alive meanwhile. Two attempts, then the regular {@link #classify} activity.
   */
  final ClassifyActivities localClassify =
      Workflow.newLocalActivityStub(
          ClassifyActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(retry(Duration.ofMillis(500), Duration.ofSeconds(1), 2))
              .build());

  /** The dry run as a local activity, tried first (version 1 of {@link Reads#CHANGE_ID}). */
  final RemediationActivities localPreview =
      Workflow.newLocalActivityStub(
          RemediationActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(retry(Duration.ofMillis(500), Duration.ofSeconds(1), 2))
              .build());

  /** Slack may be briefly down: retry for a long while, the card is the incident's face. */
  final NotificationActivities notify =
      Workflow.newActivityStub(
          NotificationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(retry(Duration.ofSeconds(1), Duration.ofMinutes(1), 30))
              .build());

  /**
   * The same notifications as local activities, tried first (version 1 of {@link
   * Notices#CHANGE_ID}): they run in the worker inside the workflow task that asks for them, so a
   * card and the thread posts after it need no workflow task each (and, without sticky execution,
   * no replay each). A short budget, because a local activity holds its workflow task while it
   * retries: when it fails with a retryable error the notification goes on as a regular {@link
   * #notify} activity.
   */
  final NotificationActivities localNotify =
      Workflow.newLocalActivityStub(
          NotificationActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(5))
              .setRetryOptions(retry(Duration.ofMillis(500), Duration.ofSeconds(1), 2))
              .build());

  /** Group membership lookups: read-only, retried briefly. */
  final DirectoryActivities directory =
      Workflow.newActivityStub(
          DirectoryActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(retry(Duration.ofSeconds(1), Duration.ofSeconds(30), 10))
              .build());

  /**
   * The action carries an idempotency key, so retrying a lost reply is safe; a permanent failure
   * (4xx, bad catalog entry) is non-retryable and escalates instead.
   */
  final RemediationActivities remediate =
      Workflow.newActivityStub(
          RemediationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(5))
              .setRetryOptions(retry(Duration.ofSeconds(2), Duration.ofSeconds(30), 3))
              .build());

  /**
   * A dry run before the card is posted: brief, because the card waits for it, and its failure only
   * means the approver sees no preview.
   */
  final RemediationActivities preview =
      Workflow.newActivityStub(
          RemediationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(retry(Duration.ofSeconds(1), Duration.ofSeconds(5), 3))
              .build());

  /** Verification polls for up to the probe's timeout and heartbeats after every probe. */
  final RemediationActivities verify =
      Workflow.newActivityStub(
          RemediationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofHours(1))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .setRetryOptions(retry(Duration.ofSeconds(2), Duration.ofSeconds(30), 3))
              .build());

  private static RetryOptions retry(Duration initial, Duration max, int attempts) {
    return Retries.of(initial, max, attempts, DO_NOT_RETRY);
  }
}
