package dev.greenlight.bot.alerts;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.bot.slack.SlackText;
import dev.greenlight.config.AlertSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the alert receiver tells the alerts channel itself, rate-limited: an alert naming no catalog
 * service (once per {@code unknown-service-every} for each service name), and alerts held back by
 * the global cap (one summary per {@code storm-summary-every}, listing what it held back since the
 * last one). Best effort: a Slack failure is logged, and the alert's answer does not change.
 */
final class ChannelNotices implements AutoCloseable {
  /** How many held-back alerts one summary names; the rest are counted. */
  static final int LISTED = 10;

  /** How many service names the rate limit remembers. */
  private static final int REMEMBERED = 1000;

  private static final Logger log = LoggerFactory.getLogger(ChannelNotices.class);

  private final MethodsClient slack;
  private final String channel;
  private final AlertSettings settings;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "greenlight-alert-notices");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Long> reported = new LinkedHashMap<>();
  private final List<String> held = new ArrayList<>();
  private long lastSummary = Long.MIN_VALUE / 2;
  private boolean flushScheduled;
  private int heldTotal;
  private int cap;

  ChannelNotices(MethodsClient slack, String channel, AlertSettings settings, Clock clock) {
    this.slack = slack;
    this.channel = channel;
    this.settings = settings;
    this.clock = clock;
  }

  /** Reports an alert whose service the catalog does not know, unless reported recently. */
  synchronized void unknownService(Alert a, AlertMapping.Service service) {
    String key = service.value() == null ? "no label: " + a.name() : service.value();
    long now = clock.millis();
    Long last = reported.get(key);
    if (last != null && now - last < settings.unknownServiceEvery().toMillis()) {
      return;
    }
    reported.remove(key);
    reported.put(key, now);
    if (reported.size() > REMEMBERED) {
      reported.remove(reported.keySet().iterator().next());
    }
    String which =
        service.value() == null
            ? "carries none of the labels " + SlackText.code(service.label())
            : "names service "
                + SlackText.code(service.value())
                + " ("
                + SlackText.escape(service.describe())
                + "), which is not in the catalog's services";
    post(
        ":warning: Alert "
            + SlackText.code(a.name())
            + " from "
            + SlackText.escape(a.source())
            + " "
            + which
            + ": no incident was started. Add the service to the catalog or fix the alert's labels."
            + " Not reported again for "
            + SlackText.escape(settings.unknownServiceEvery().toString().substring(2).toLowerCase())
            + ".");
  }

  /** Notes an alert the global cap held back; {@link #summarize} posts the summary. */
  synchronized void heldBack(Alert a, String service, int openNow) {
    heldTotal++;
    cap = openNow;
    if (held.size() < LISTED) {
      held.add(SlackText.code(a.name()) + " on " + SlackText.code(service));
    }
  }

  /**
   * After a request: the summary of what was held back, now if the last one is older than {@code
   * storm-summary-every}, else when that interval ends (with whatever was held back meanwhile).
   */
  synchronized void summarize() {
    if (heldTotal == 0) {
      return;
    }
    long due = lastSummary + settings.stormSummaryEvery().toMillis();
    long now = clock.millis();
    if (now >= due) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      timer.schedule(this::flushLater, due - now, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void flushLater() {
    flushScheduled = false;
    if (heldTotal > 0) {
      flush();
    }
  }

  private void flush() {
    lastSummary = clock.millis();
    String more = heldTotal > held.size() ? " and " + (heldTotal - held.size()) + " more" : "";
    String text =
        ":rotating_light: Alert storm: "
            + cap
            + " alert incidents are open (the cap, alerts.max-open). "
            + heldTotal
            + (heldTotal == 1 ? " alert was" : " alerts were")
            + " not opened as incidents: "
            + String.join(", ", held)
            + more
            + ". They are not lost: Alertmanager sends them again (repeat_interval), and a"
            + " repeat opens an incident once fewer are open.";
    held.clear();
    heldTotal = 0;
    post(text);
  }

  /** Posts on the notices' own thread: a slow Slack never holds up the alerts' answer. */
  private void post(String text) {
    try {
      timer.execute(() -> send(text));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.warn("Alert notice not posted: the receiver is stopping");
    }
  }

  private void send(String text) {
    try {
      var r = slack.chatPostMessage(m -> m.channel(channel).text(text));
      if (!r.isOk()) {
        log.warn("Could not post an alert notice to {}: {}", channel, r.getError());
      }
    } catch (Exception e) {
      log.warn("Could not post an alert notice to {}: {}", channel, e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
