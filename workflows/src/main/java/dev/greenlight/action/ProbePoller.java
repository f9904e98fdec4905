package dev.greenlight.action;

import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.Probe;
import dev.greenlight.config.Template;
import java.io.IOException;
import java.util.Map;
import java.util.function.IntConsumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Polls a probe URL until it answers the expected status or the probe's timeout passes. */
public final class ProbePoller {
  private final OkHttpClient http;

  public ProbePoller(OkHttpClient http) {
    this.http = http;
  }

  /**
   * Polls; calls {@code afterAttempt} with the attempt number after each probe (for heartbeats).
   */
  public VerificationResult poll(Probe probe, Map<String, String> vars, IntConsumer afterAttempt)
      throws InterruptedException {
    String url = Template.renderUrl(probe.url(), vars);
    long deadline = System.nanoTime() + probe.timeout().toNanos();
    int attempts = 0;
    int last = 0;
    String lastError = null;
    while (true) {
      attempts++;
      try (Response r = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
        last = r.code();
        lastError = null;
      } catch (IOException e) {
        last = 0;
        lastError = e.getMessage();
      }
      afterAttempt.accept(attempts);
      if (last == probe.expectStatus()) {
        return new VerificationResult(
            true, last, attempts, "probe answered " + last + " after " + attempts + " attempt(s)");
      }
      if (System.nanoTime() + probe.interval().toNanos() > deadline) {
        String seen = last == 0 ? "no answer (" + lastError + ")" : "HTTP " + last;
        return new VerificationResult(
            false,
            last,
            attempts,
            "probe still answered "
                + seen
                + " after "
                + attempts
                + " attempt(s) in "
                + probe.timeout()
                + "; expected "
                + probe.expectStatus());
      }
      Thread.sleep(probe.interval().toMillis());
    }
  }
}
