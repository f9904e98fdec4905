package dev.greenlight.bot.alerts;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.bot.slack.IncidentClient;
import dev.greenlight.config.AlertSettings;
import dev.greenlight.config.GreenlightConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * Incidents from alerts: the receiver, the router (storm control) and the channel notices, started
 * together in the bot when the config has an {@code alerts} section.
 */
public final class AlertService implements AutoCloseable {
  private final AlertReceiver receiver;
  private final ChannelNotices notices;

  private AlertService(AlertReceiver receiver, ChannelNotices notices) {
    this.receiver = receiver;
    this.notices = notices;
  }

  /**
   * Starts the receiver.
   *
   * @param settings from {@link ReceiverSettings#fromEnv}, read (and checked) before anything
   *     started
   * @throws IllegalStateException when the receiver's address cannot be bound
   */
  public static AlertService start(
      ReceiverSettings settings,
      GreenlightConfig config,
      IncidentClient incidents,
      MethodsClient slack,
      MeterRegistry meters) {
    AlertSettings alerts = config.alerts();
    Clock clock = Clock.systemUTC();
    ChannelNotices notices = new ChannelNotices(slack, config.alertChannel(), alerts, clock);
    AlertRouter router =
        new AlertRouter(new AlertMapping(config), alerts, incidents.alerts(), notices, clock);
    AlertReceiver.Parser generic =
        alerts.generic() == null ? null : body -> GenericPayload.parse(body, alerts.generic());
    try {
      return new AlertService(AlertReceiver.start(settings, router, generic, meters), notices);
    } catch (RuntimeException e) {
      notices.close();
      throw e;
    }
  }

  /** The receiver's base URL, e.g. {@code http://127.0.0.1:9466}. */
  public String url() {
    return receiver.url();
  }

  @Override
  public void close() {
    receiver.close();
    notices.close();
  }
}
