package dev.greenlight.worker.metrics;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;

/** What the running activity knows of itself: which attempt this is and when it was scheduled. */
interface ActivityAttempt {
  /** The running Temporal activity; outside one, a first attempt scheduled now. */
  ActivityAttempt CURRENT =
      new ActivityAttempt() {
        @Override
        public boolean first() {
          ActivityInfo info = info();
          return info == null || info.getAttempt() <= 1;
        }

        @Override
        public long scheduledMillis() {
          ActivityInfo info = info();
          return info == null ? System.currentTimeMillis() : info.getScheduledTimestamp();
        }

        @Override
        public String workflowId() {
          ActivityInfo info = info();
          return info == null ? null : info.getWorkflowId();
        }

        private ActivityInfo info() {
          try {
            return Activity.getExecutionContext().getInfo();
          } catch (IllegalStateException e) {
            return null;
          }
        }
      };

  /** True on the activity's first attempt: retries count nothing again. */
  boolean first();

  /** When this attempt was scheduled (epoch millis): close to when the workflow asked for it. */
  long scheduledMillis();

  /** The workflow the activity runs for, or null. */
  String workflowId();
}
