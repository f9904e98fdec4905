package dev.greenlight.sandbox;

import java.util.ArrayList;
import java.util.List;

/** Configures and starts a {@link SlackServer}. */
public final class SlackServerBuilder {
  private String botToken = "xoxb-sandbox-bot";
  private String appToken = "xapp-sandbox-app";
  private String teamId = "T0SANDBOX";
  private String appId = "A0GREENLIGHT";
  private String botUserId = "U0GREENBOT";
  private String botId = "B0GREENBOT";
  private int httpPort;
  private int socketPort;
  private final List<WorkspaceConfig.DirectoryUser> users = new ArrayList<>();
  private final List<WorkspaceConfig.DirectoryChannel> channels = new ArrayList<>();

  SlackServerBuilder() {}

  /**
   * Adds a person to the demo workspace, e.g. {@code user("U0ALICE", "alice", "requester")}. The
   * name is used in payloads ({@code user_name}) and on the page, the role on the page only.
   */
  public SlackServerBuilder user(String id, String name, String role) {
    users.removeIf(u -> u.id().equals(id));
    users.add(new WorkspaceConfig.DirectoryUser(id, name, role == null ? "" : role));
    return this;
  }

  /** Adds a channel to the demo workspace, e.g. {@code channel("C0INCIDENTS", "incidents")}. */
  public SlackServerBuilder channel(String id, String name) {
    channels.removeIf(c -> c.id().equals(id));
    channels.add(new WorkspaceConfig.DirectoryChannel(id, name));
    return this;
  }

  /** Adds the demo cast: alice (requester), bob (approver), carol (on-call lead) and #incidents. */
  public SlackServerBuilder demoWorkspace() {
    return user("U0ALICE", "alice", "requester")
        .user("U0BOB", "bob", "approver")
        .user("U0CAROL", "carol", "on-call lead")
        .channel("C0INCIDENTS", "incidents");
  }

  /** Bot token accepted by the Web API (default {@code xoxb-sandbox-bot}). */
  public SlackServerBuilder botToken(String botToken) {
    this.botToken = botToken;
    return this;
  }

  /** App-level token for apps.connections.open (default {@code xapp-sandbox-app}). */
  public SlackServerBuilder appToken(String appToken) {
    this.appToken = appToken;
    return this;
  }

  /** Team id (default {@code T0SANDBOX}). */
  public SlackServerBuilder teamId(String teamId) {
    this.teamId = teamId;
    return this;
  }

  /** App id (default {@code A0GREENLIGHT}). */
  public SlackServerBuilder appId(String appId) {
    this.appId = appId;
    return this;
  }

  /** Bot user id (default {@code U0GREENBOT}). */
  public SlackServerBuilder botUserId(String botUserId) {
    this.botUserId = botUserId;
    return this;
  }

  /** Bot id (default {@code B0GREENBOT}). */
  public SlackServerBuilder botId(String botId) {
    this.botId = botId;
    return this;
  }

  /** HTTP port for the Web API and response_urls; 0 (default) picks a free one. */
  public SlackServerBuilder httpPort(int httpPort) {
    this.httpPort = httpPort;
    return this;
  }

  /** WebSocket port for Socket Mode; 0 (default) picks a free one. */
  public SlackServerBuilder socketPort(int socketPort) {
    this.socketPort = socketPort;
    return this;
  }

  /** Starts the server. */
  public SlackServer start() {
    return new SlackServer(
        new WorkspaceConfig(
            botToken,
            appToken,
            teamId,
            appId,
            botUserId,
            botId,
            httpPort,
            socketPort,
            users,
            channels));
  }

  /** Same as {@link #start()}: the returned server is already listening. */
  public SlackServer build() {
    return start();
  }
}
