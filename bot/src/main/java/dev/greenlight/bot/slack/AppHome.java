package dev.greenlight.bot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code app_home_opened}: publishes the viewer's Home tab ({@link AppHomeView}). The event is
 * acked at once; the open incidents are read and the view published right after, off the ack path.
 */
final class AppHome implements BoltEventHandler<AppHomeOpenedEvent> {
  static final int LIMIT = 50;

  private static final Logger log = LoggerFactory.getLogger(AppHome.class);

  private final Incidents incidents;
  private final CardLinks links;
  private final ExecutorService publisher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "greenlight-app-home");
            t.setDaemon(true);
            return t;
          });

  AppHome(Incidents incidents, CardLinks links) {
    this.incidents = incidents;
    this.links = links;
  }

  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent e = payload.getEvent();
    if (e.getTab() == null || "home".equals(e.getTab())) {
      MethodsClient slack = ctx.client();
      publisher.execute(() -> publish(slack, e.getUser()));
    }
    return ctx.ack();
  }

  private void publish(MethodsClient slack, String userId) {
    List<dev.greenlight.api.IncidentSummary> open;
    try {
      open = incidents.open(LIMIT);
    } catch (TemporalUnreachable ex) {
      log.warn("App Home for {} not published: {}", userId, ex.error());
      return;
    }
    try {
      ViewsPublishResponse r =
          slack.viewsPublish(
              v ->
                  v.userId(userId)
                      .view(
                          AppHomeView.view(
                              userId,
                              open,
                              s -> links.of(slack, s.card()),
                              System.currentTimeMillis())));
      if (!r.isOk()) {
        log.warn("views.publish for {} answered {}", userId, r.getError());
      }
    } catch (Exception ex) {
      log.warn("views.publish for {} failed: {}", userId, ex.toString());
    }
  }
}
