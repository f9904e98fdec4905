package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slim jar runs the whole loop: {@code java -jar greenlight.jar sandbox} starts the embedded
 * Temporal server (gRPC over Netty without its TLS natives), the worker, the local model, the bot
 * and the Slack-compatible server; an incident typed on the page is approved and recovers. What the
 * shade filters leave out of the jar would fail here, not in front of an operator.
 */
class SandboxFromTheJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("greenlight.jar", "target/greenlight.jar"));
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;
  private Process process;
  private Path log;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void anIncidentIsApprovedAndRecoversInTheSandboxOfTheJar() throws Exception {
    String base = startSandbox();
    JsonNode done =
        approveAndAwaitOutcome(base, "/remediate checkout-api pods OOMKilled since 14:02");
    assertThat(done.path("text").asText()).contains("checkout-api", "Approved by <@U0BOB>");
    assertThat(done.path("replies").toString()).contains("Approved", "Recovered");
    assertThat(read(log)).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
  }

  /**
   * The Kubernetes kind from the jar: fabric8's client (its implementation is loaded by name) and
   * the simulated cluster behind it preview, restart and verify the crashlooping orders-api.
   */
  @Test
  void aKubernetesRestartIsPreviewedAndVerifiedInTheSandboxOfTheJar() throws Exception {
    String base = startSandbox();
    JsonNode done =
        approveAndAwaitOutcome(
            base, "/remediate orders-api pods crashlooping, never ready since the 14:00 deploy");
    assertThat(done.path("blocks").toString())
        .contains("What will change", "restart deployment orders-api in simulated");
    assertThat(done.path("replies").toString()).contains("successfully rolled out");
    assertThat(read(log)).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
  }

  private String startSandbox() throws Exception {
    int port = freePort();
    log = dir.resolve("sandbox.log");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx700m",
            "-jar",
            JAR.toString(),
            "sandbox",
            "--port=" + port);
    pb.environment().keySet().removeIf(k -> k.startsWith("GREENLIGHT_") || k.startsWith("SLACK_"));
    pb.environment().remove("TEMPORAL_ADDRESS");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    process = pb.start();
    return "http://127.0.0.1:" + port;
  }

  /** Types the command as alice, approves its card as bob, and returns the card once recovered. */
  private JsonNode approveAndAwaitOutcome(String base, String command) throws Exception {
    JsonNode state = await(base, s -> Optional.of(s), log);
    String channel = state.path("channel").asText();
    post(base + "/sandbox/command", command("U0ALICE", channel, command));

    JsonNode card = await(base, s -> firstCardWithButtons(s), log);
    post(
        base + "/sandbox/action",
        "{\"user\":\"U0BOB\",\"channel\":\"%s\",\"ts\":\"%s\",\"actionId\":\"greenlight_approve\"}"
            .formatted(channel, card.path("ts").asText()));

    return await(
        base,
        s ->
            s.path("messages").get(0).path("blocks").toString().contains("*Recovered*")
                ? Optional.of(s.path("messages").get(0))
                : Optional.empty(),
        log);
  }

  private static Optional<JsonNode> firstCardWithButtons(JsonNode state) {
    for (JsonNode m : state.path("messages")) {
      for (JsonNode b : m.path("blocks")) {
        if ("actions".equals(b.path("type").asText())) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  private static String command(String user, String channel, String text) {
    return JSON.createObjectNode()
        .put("user", user)
        .put("channel", channel)
        .put("text", text)
        .toString();
  }

  private JsonNode await(String base, Function<JsonNode, Optional<JsonNode>> until, Path log)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the sandbox is running; its log:%n%s", read(log)).isTrue();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/sandbox/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          last = r.body();
          Optional<JsonNode> hit = until.apply(JSON.readTree(r.body()));
          if (hit.isPresent()) {
            return hit.get();
          }
        }
      } catch (IOException notUpYet) {
        // The page is not listening yet.
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "the sandbox did not get there in "
            + PATIENCE
            + "; last state: "
            + last
            + "\nlog:\n"
            + read(log));
  }

  private void post(String url, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).as("answer of %s", url).contains("\"ok\":true");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
