package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Duration;

/** A sandbox server plus a real Bolt app wired to it over Socket Mode. */
final class BoltHarness implements AutoCloseable {

  final SlackServer server;
  final App app;
  private SocketModeApp socketModeApp;

  BoltHarness() {
    this(SlackServer.start());
  }

  BoltHarness(SlackServer server) {
    this.server = server;
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(server.apiUrl());
    this.app =
        new App(
            AppConfig.builder()
                .singleTeamBotToken(server.botToken())
                .slack(Slack.getInstance(config))
                .build());
  }

  /** Starts Bolt's Socket Mode client without waiting for the connection. */
  BoltHarness startAsync() throws Exception {
    socketModeApp =
        new SocketModeApp(server.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
    socketModeApp.startAsync();
    return this;
  }

  /** Starts Bolt and waits until the sandbox has said hello to it. */
  BoltHarness startAndAwaitConnection() throws Exception {
    startAsync();
    assertThat(server.awaitConnected(Duration.ofSeconds(10))).isTrue();
    return this;
  }

  /** A Web API client authenticated with the bot token. */
  MethodsClient client() {
    return app.slack().methods(server.botToken());
  }

  @Override
  public void close() {
    try {
      if (socketModeApp != null) {
        socketModeApp.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not stop Bolt", e);
    } finally {
      server.close();
    }
  }
}
