package dev.greenlight.bot.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Remediation targets on loopback: actions are recorded; {@code payments-api} never recovers, every
 * other service is healthy once an action has run for it.
 */
public final class DemoTargets implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final List<RecordedRequest> actions = new CopyOnWriteArrayList<>();

  public DemoTargets() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            if (path.startsWith("/actions/")) {
              actions.add(request);
              return new MockResponse().setResponseCode(202).setBody("{\"accepted\":true}");
            }
            if (path.startsWith("/health/payments-api")) {
              return new MockResponse().setResponseCode(503);
            }
            boolean fixed =
                actions.stream()
                    .anyMatch(a -> a.getPath().contains(path.substring("/health/".length())));
            return new MockResponse().setResponseCode(fixed ? 200 : 503);
          }
        });
    server.start();
  }

  public String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  /** The actions one incident sent, by its idempotency key ({@code incident-<ID>:<runbook>}). */
  public List<RecordedRequest> actionsOfIncident(String incidentId) {
    String key = "incident-" + incidentId + ":";
    return actions.stream()
        .filter(a -> String.valueOf(a.getHeader("Idempotency-Key")).startsWith(key))
        .toList();
  }

  public List<RecordedRequest> actionsFor(String service) {
    return actions.stream().filter(a -> a.getPath().contains("service=" + service)).toList();
  }

  @Override
  public void close() throws Exception {
    server.shutdown();
  }
}
