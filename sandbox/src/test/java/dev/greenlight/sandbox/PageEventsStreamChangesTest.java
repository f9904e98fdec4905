package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageEventsStreamChangesTest {

  private final BoltHarness bolt = new BoltHarness();
  private final PageClient page = new PageClient(bolt.server);

  @AfterEach
  void stop() {
    bolt.close();
  }

  @Test
  void aPostedMessageSendsAChangeEvent() throws Exception {
    HttpResponse<Stream<String>> response =
        page.http.send(
            HttpRequest.newBuilder(page.uri("/sandbox/events")).GET().build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));

    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      CompletableFuture<String> change =
          CompletableFuture.supplyAsync(
              () -> {
                while (it.hasNext()) {
                  String line = it.next();
                  if (line.equals("event: change")) {
                    return it.next();
                  }
                }
                return null;
              });

      bolt.client().chatPostMessage(r -> r.channel("C0INCIDENTS").text("hello"));

      assertThat(change.get(10, TimeUnit.SECONDS)).startsWith("data: ");
    }
    // Several open streams must not starve the Web API.
    for (int i = 0; i < 4; i++) {
      page.http.sendAsync(
          HttpRequest.newBuilder(page.uri("/sandbox/events")).GET().build(),
          HttpResponse.BodyHandlers.ofLines());
    }
    Thread.sleep(Duration.ofMillis(200).toMillis());
    assertThat(bolt.client().chatPostMessage(r -> r.channel("C0INCIDENTS").text("still ok")).isOk())
        .isTrue();
  }
}
