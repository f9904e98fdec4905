package dev.greenlight.bot.alerts;

import dev.greenlight.bot.slack.AlertIncidents;
import dev.greenlight.bot.slack.AlertIncidents.OpenIncident;
import dev.greenlight.config.AlertSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what each alert does, storm control included: a firing alert starts its incident, unless
 * that firing already has one (a repeat: nothing), its service already has {@code
 * max-open-per-service} open alert incidents (it joins the oldest one's thread) or {@code max-open}
 * are open in all (it is held back and summed up in the channel). A resolved alert tells its own
 * incident, or the incident it joined. An alert naming no catalog service is reported.
 *
 * <p>The open incidents are read from Temporal on every request, so replicas share them; requests
 * to one replica are decided one at a time. Two replicas deciding at the same moment for the same
 * service may each open one (the cap is then exceeded by at most one per replica); the same firing
 * never starts twice, whichever replica sees it, because its workflow ID is derived from it.
 */
final class AlertRouter {
  /** How long a started incident counts even before Temporal's listing shows it. */
  private static final long VISIBILITY_GRACE_MILLIS = 30_000;

  private static final Logger log = LoggerFactory.getLogger(AlertRouter.class);

  /** What became of the alerts of one request. */
  record Counts(
      int started,
      int repeated,
      int joined,
      int resolved,
      int heldBack,
      int unknown,
      int ignored) {}

  private final AlertMapping mapping;
  private final AlertSettings settings;
  private final AlertIncidents incidents;
  private final ChannelNotices notices;
  private final Clock clock;
  private final Map<String, OpenIncident> recent = new LinkedHashMap<>();

  AlertRouter(
      AlertMapping mapping,
      AlertSettings settings,
      AlertIncidents incidents,
      ChannelNotices notices,
      Clock clock) {
    this.mapping = mapping;
    this.settings = settings;
    this.incidents = incidents;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Routes one request's alerts, in order.
   *
   * @throws dev.greenlight.bot.slack.TemporalUnreachable when Temporal could not be asked (the
   *     sender should retry: Alertmanager does on a 5xx)
   */
  synchronized Counts route(List<Alert> alerts) {
    List<OpenIncident> open = open();
    int started = 0;
    int repeated = 0;
    int joined = 0;
    int resolved = 0;
    int held = 0;
    int unknown = 0;
    int ignored = 0;
    for (Alert a : alerts) {
      AlertMapping.Service service = mapping.service(a);
      if (!service.known()) {
        if (!a.resolved()) {
          notices.unknownService(a, service);
        }
        unknown++;
        continue;
      }
      String svc = service.value();
      String incidentId = AlertMapping.incidentId(a);
      if (a.resolved()) {
        if (tellResolved(a, svc, incidentId, open)) {
          resolved++;
        } else {
          ignored++;
        }
        continue;
      }
      if (open.stream().anyMatch(o -> o.incidentId().equals(incidentId))) {
        repeated++;
        continue;
      }
      List<OpenIncident> same = open.stream().filter(o -> o.service().equals(svc)).toList();
      if (same.size() >= settings.maxOpenPerService()) {
        if (incidents.tell(same.get(0).incidentId(), note(a, svc))) {
          joined++;
          continue;
        }
      }
      if (open.size() >= settings.maxOpen()) {
        notices.heldBack(a, svc, open.size());
        held++;
        continue;
      }
      if (incidents.start(mapping.request(a, svc))) {
        OpenIncident o = new OpenIncident(incidentId, svc, clock.millis());
        open.add(o);
        recent.put(incidentId, o);
        started++;
        log.info("Alert {} on {} started incident {}", a.logName(), svc, incidentId);
      } else {
        repeated++;
      }
    }
    notices.summarize();
    return new Counts(started, repeated, joined, resolved, held, unknown, ignored);
  }

  /** Its own incident, else the incidents of its service it may have joined (they check). */
  private boolean tellResolved(Alert a, String svc, String incidentId, List<OpenIncident> open) {
    if (incidents.tell(incidentId, note(a, svc))) {
      return true;
    }
    boolean told = false;
    for (OpenIncident o : open) {
      if (o.service().equals(svc)) {
        told |= incidents.tell(o.incidentId(), note(a, svc));
      }
    }
    return told;
  }

  private dev.greenlight.api.AlertNote note(Alert a, String svc) {
    return AlertMapping.note(a, svc, clock.millis());
  }

  /** Temporal's open alert incidents, plus those started here that it may not list yet. */
  private List<OpenIncident> open() {
    List<OpenIncident> open = new ArrayList<>(incidents.open());
    long now = clock.millis();
    recent.values().removeIf(o -> now - o.startedMillis() > VISIBILITY_GRACE_MILLIS);
    for (OpenIncident o : recent.values()) {
      if (open.stream().noneMatch(x -> x.incidentId().equals(o.incidentId()))) {
        open.add(o);
      }
    }
    return open;
  }
}
