package dev.greenlight.action;

import dev.greenlight.api.VerificationResult;
import dev.greenlight.config.Probe;
import dev.greenlight.config.Template;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The {@code http} verify kind: GETs the probe's rendered URL every {@code interval} until it
 * answers {@code expect-status} or {@code timeout} passes, and heartbeats after every attempt. An
 * unreachable probe counts as "no answer" (status 0) and is polled again; it never fails the
 * activity.
 */
public final class HttpVerifier implements Verifier<Probe> {
  private final OkHttpClient http;

  public HttpVerifier(OkHttpClient http) {
    this.http = http;
  }

  @Override
  public String type() {
    return Probe.TYPE;
  }

  @Override
  public Class<Probe> specType() {
    return Probe.class;
  }

  @Override
  public VerificationResult verify(Probe probe, ActionContext context) throws InterruptedException {
    Request request =
        new Request.Builder().url(Template.renderUrl(probe.url(), context.vars())).get().build();
    long deadline = System.nanoTime() + probe.timeout().toNanos();
    int attempts = 0;
    int last;
    String lastError = null;
    while (true) {
      attempts++;
      try (Response r = http.newCall(request).execute()) {
        last = r.code();
        lastError = null;
      } catch (IOException e) {
        last = 0;
        lastError = e.getMessage();
      }
      context.heartbeat().beat("probe attempt " + attempts);
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
