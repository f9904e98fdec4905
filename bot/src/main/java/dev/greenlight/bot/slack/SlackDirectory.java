package dev.greenlight.bot.slack;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.activities.DirectoryActivities;
import dev.greenlight.api.Principal;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves approver user groups with {@code usergroups.users.list} (scope {@code usergroups:read}),
 * caching each group's members briefly so a click storm does not become an API storm.
 */
public final class SlackDirectory implements DirectoryActivities {
  static final Duration CACHE_FOR = Duration.ofSeconds(60);

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(SlackDirectory.class);

  private final MethodsClient slack;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public SlackDirectory(MethodsClient slack) {
    this(slack, Meters.global());
  }

  /** Counts its Web API calls by method and error into {@code meters}. */
  public SlackDirectory(MethodsClient slack, MeterRegistry meters) {
    this(slack, Clock.systemUTC(), meters);
  }

  SlackDirectory(MethodsClient slack, Clock clock) {
    this(slack, clock, Meters.global());
  }

  private SlackDirectory(MethodsClient slack, Clock clock, MeterRegistry meters) {
    this.slack = slack;
    this.clock = clock;
    this.meters = meters;
  }

  @Override
  public List<String> resolveApprovers(List<Principal> principals) {
    Set<String> users = new LinkedHashSet<>();
    for (Principal p : principals) {
      if (p.isGroup()) {
        users.addAll(members(p.id()));
      } else {
        users.add(p.id());
      }
    }
    return List.copyOf(users);
  }

  private List<String> members(String group) {
    Cached hit = cache.get(group);
    if (hit != null && hit.until() > clock.millis()) {
      return hit.members();
    }
    List<String> members;
    try {
      members =
          SlackCalls.call(
                  meters,
                  "usergroups.users.list",
                  () -> slack.usergroupsUsersList(r -> r.usergroup(group)))
              .getUsers();
    } catch (ApplicationFailure e) {
      if (!e.isNonRetryable()) {
        throw e;
      }
      // A deleted group or a missing usergroups:read scope: the other approvers still decide.
      log.warn(
          "Approver group {} cannot be resolved ({}); it counts as empty",
          group,
          e.getOriginalMessage());
      members = List.of();
    }
    cache.put(group, new Cached(List.copyOf(members), clock.millis() + CACHE_FOR.toMillis()));
    return members;
  }

  private record Cached(List<String> members, long until) {}
}
