package dev.greenlight.bench;

import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Remediation actions and health probes on loopback: every action is accepted, every probe is
 * healthy. It also counts the {@link Floor} workflows that reached their wait and left it.
 */
final class Targets implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  final AtomicLong actions = new AtomicLong();
  final AtomicLong probes = new AtomicLong();
  final AtomicLong floorArrived = new AtomicLong();
  final AtomicLong floorLeft = new AtomicLong();

  Targets() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath() == null ? "" : request.getPath();
            if (path.startsWith("/floor/")) {
              (path.equals("/floor/arrived") ? floorArrived : floorLeft).incrementAndGet();
              return new MockResponse().setResponseCode(204);
            }
            if (path.startsWith("/actions/")) {
              actions.incrementAndGet();
              return new MockResponse().setResponseCode(202).setBody("{\"accepted\":true}");
            }
            probes.incrementAndGet();
            return new MockResponse().setResponseCode(200).setBody("ok");
          }
        });
    server.start();
  }

  String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  @Override
  public void close() throws Exception {
    server.shutdown();
  }
}
