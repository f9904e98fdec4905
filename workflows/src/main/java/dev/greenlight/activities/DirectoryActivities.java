package dev.greenlight.activities;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Who is who: resolves approver user groups to users. Implemented by the bot module (Slack). */
@ActivityInterface
public interface DirectoryActivities {
  /**
   * Expands Slack user group IDs ({@code S…}) to their members and keeps user IDs as they are,
   * without duplicates. Read-only and safe to retry; may answer from a short-lived cache.
   */
  List<String> resolveApprovers(List<String> principals);
}
