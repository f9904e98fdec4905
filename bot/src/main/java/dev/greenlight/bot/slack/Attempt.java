package dev.greenlight.bot.slack;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;

/**
 * What the running notification knows of its own attempts: whether an earlier attempt may have
 * posted already (its reply lost), and since when it has been trying.
 */
interface Attempt {
  /** The running Temporal activity; outside one (tests, the bench), a first attempt. */
  Attempt CURRENT =
      new Attempt() {
        @Override
        public boolean mayHavePostedBefore() {
          ActivityInfo info = info();
          // A regular notification runs after its local attempts failed (or for an incident of
          // the version before local notifications): either may have posted.
          return info != null && (info.getAttempt() > 1 || !info.isLocal());
        }

        @Override
        public long firstTriedMillis() {
          ActivityInfo info = info();
          return info == null ? System.currentTimeMillis() : info.getScheduledTimestamp();
        }

        private ActivityInfo info() {
          try {
            return Activity.getExecutionContext().getInfo();
          } catch (IllegalStateException e) {
            return null;
          }
        }
      };

  /** A first attempt: nothing was posted before it. */
  Attempt FIRST =
      new Attempt() {
        @Override
        public boolean mayHavePostedBefore() {
          return false;
        }

        @Override
        public long firstTriedMillis() {
          return System.currentTimeMillis();
        }
      };

  boolean mayHavePostedBefore();

  /** When this notification was first scheduled (epoch millis). */
  long firstTriedMillis();
}
