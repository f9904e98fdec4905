package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks to the sandbox page endpoints over HTTP, as the browser page does. */
final class PageClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  PageClient(SlackServer server) {
    this.base = server.pageUrl();
  }

  URI uri(String path) {
    return URI.create(base + (path.startsWith("/") ? path.substring(1) : path));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode state(String user, String channel) throws IOException, InterruptedException {
    HttpResponse<String> r =
        get(
            "/sandbox/state?user="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&channel="
                + URLEncoder.encode(channel, StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("state returned " + r.statusCode() + ": " + r.body());
    }
    return MAPPER.readTree(r.body());
  }

  JsonNode post(String path, Object body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return MAPPER.readTree(r.body());
  }
}
