package dev.greenlight.activities;

import dev.greenlight.api.Principal;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Who is who: resolves approver user groups to users. Implemented by the bot module (Slack). */
@ActivityInterface
public interface DirectoryActivities {
  /**
   * Expands user groups to their members' user IDs and keeps users as they are, without duplicates.
   * Read-only and safe to retry; may answer from a short-lived cache.
   */
  List<String> resolveApprovers(List<Principal> principals);
}
