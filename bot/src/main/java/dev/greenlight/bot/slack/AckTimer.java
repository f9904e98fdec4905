package dev.greenlight.bot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.greenlight.telemetry.LogContext;
import dev.greenlight.telemetry.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bolt middleware around every listener: times each interaction from its arrival to the response
 * that acks it (Socket Mode sends the ack once the listener returns), and clears the incident IDs
 * that the listener put in the logging context, so the thread's next envelope starts clean.
 */
final class AckTimer implements Middleware {
  /** Slack waits 3 s for an ack; the buckets bracket that. */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(3),
    Duration.ofSeconds(5)
  };

  private final MeterRegistry meters;

  AckTimer(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    long t0 = System.nanoTime();
    try {
      return chain.next(req);
    } finally {
      Timer.builder(Meters.SLACK_ACK)
          .description("Time from an interaction's arrival to the bot's ack")
          .tag("type", Meters.tag(req.getRequestType()))
          .serviceLevelObjectives(BUCKETS)
          .register(meters)
          .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
      LogContext.clear();
    }
  }
}
