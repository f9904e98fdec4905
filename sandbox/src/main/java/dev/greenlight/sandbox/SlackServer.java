package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local, in-process Slack: the Web API over HTTP and Socket Mode over WebSocket, both on
 * 127.0.0.1. The real Bolt for Java client connects to it unchanged when its {@code SlackConfig}
 * has {@code setMethodsEndpointUrlPrefix(server.apiUrl())}.
 *
 * <p>Tests act as Slack users through {@link #sendSlashCommand} and {@link #clickButton}, and
 * inspect what the app did through {@link #messages}, {@link #replies}, {@link #ephemerals} and
 * {@link #calls}. Envelopes sent while no Socket Mode client is connected are queued and delivered
 * when one connects. All methods are thread-safe.
 */
public final class SlackServer implements AutoCloseable {

  private final Workspace workspace;
  private final Payloads payloads;
  private final SocketModeHub hub;
  private final HttpServer http;
  private final ExecutorService httpExecutor;
  private final String apiUrl;
  private final String pageUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SlackServer(WorkspaceConfig config) {
    this.workspace = new Workspace(config);
    this.hub = new SocketModeHub(config.appId(), config.socketPort());
    // Unbounded (cached) pool: the page's Server-Sent Events streams each hold a thread for as long
    // as a browser tab is open, and must never starve Web API calls or response_urls.
    this.httpExecutor = Executors.newCachedThreadPool(daemonThreads());
    try {
      this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", config.httpPort()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the sandbox Web API", e);
    }
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    this.apiUrl = base + "/api/";
    this.pageUrl = base + "/";
    this.payloads = new Payloads(workspace, base + ResponseUrls.PATH);
    http.createContext("/api/", new WebApi(workspace, payloads, hub::newConnectionUrl));
    http.createContext(ResponseUrls.PATH, new ResponseUrls(workspace));
    http.createContext("/", new SandboxPage(this, workspace));
    http.setExecutor(httpExecutor);
    try {
      hub.start();
    } catch (RuntimeException e) {
      http.stop(0);
      httpExecutor.shutdownNow();
      throw e;
    }
    http.start();
  }

  /** Returns a builder for a server with custom identity or ports. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a server with default identity and ephemeral ports. */
  public static SlackServer start() {
    return builder().start();
  }

  /** The Web API base URL, e.g. {@code http://127.0.0.1:54321/api/} (ends with '/'). */
  public String apiUrl() {
    return apiUrl;
  }

  /** The browser chat page, e.g. {@code http://127.0.0.1:54321/} (ends with '/'). */
  public String pageUrl() {
    return pageUrl;
  }

  /** The bot token ({@code xoxb-...}) the app must use for Web API calls. */
  public String botToken() {
    return workspace.config().botToken();
  }

  /** The app-level token ({@code xapp-...}) the app must use for {@code apps.connections.open}. */
  public String appToken() {
    return workspace.config().appToken();
  }

  /** The workspace (team) id. */
  public String teamId() {
    return workspace.config().teamId();
  }

  /** The app id. */
  public String appId() {
    return workspace.config().appId();
  }

  /** The bot's user id; the author of messages the app posts. */
  public String botUserId() {
    return workspace.config().botUserId();
  }

  /**
   * Waits until a Socket Mode client is connected and has been sent {@code hello}.
   *
   * @return {@code true} if connected within the timeout
   */
  public boolean awaitConnected(Duration timeout) {
    return hub.awaitHealthy(timeout);
  }

  /** The number of open Socket Mode connections (including ones asked to disconnect). */
  public int connectionCount() {
    return hub.openCount();
  }

  /**
   * Sends a {@code slash_commands} envelope as if {@code userId} typed {@code command text} in
   * {@code channelId}. The payload has a fresh trigger_id and a response_url on this server.
   */
  public SentEnvelope sendSlashCommand(
      String userId, String channelId, String command, String text) {
    SentEnvelope sent =
        send("slash_commands", payloads.slashCommand(userId, channelId, command, text), 0);
    // Like Slack: an ack with a message (text or blocks) is shown to the user who typed the
    // command, as an ephemeral message, or to the channel with response_type in_channel.
    sent.ack().thenAccept(ack -> showAckMessage(userId, channelId, ack));
    return sent;
  }

  private void showAckMessage(String userId, String channelId, Ack ack) {
    if (!ack.hasPayload() || !ack.payload().isObject()) {
      return;
    }
    JsonNode payload = ack.payload();
    String text = payload.hasNonNull("text") ? payload.get("text").asText() : null;
    JsonNode blocks = Payloads.withBlockIds(payload.get("blocks"));
    boolean hasBlocks = blocks != null && blocks.isArray() && !blocks.isEmpty();
    if ((text == null || text.isEmpty()) && !hasBlocks) {
      return;
    }
    String bot = workspace.config().botUserId();
    if ("in_channel".equals(payload.path("response_type").asText())) {
      workspace.messages().post(channelId, null, bot, text, hasBlocks ? blocks : null);
    } else {
      workspace.messages().postEphemeral(channelId, userId, bot, text, hasBlocks ? blocks : null);
    }
  }

  /**
   * Posts a plain message as {@code userId} in {@code channelId} (what a person typing in the
   * channel does); the app is not notified.
   */
  public Message postUserMessage(String userId, String channelId, String text) {
    return workspace.messages().post(channelId, null, userId, text, null);
  }

  /**
   * Sends an {@code interactive} envelope with a {@code block_actions} payload as if {@code userId}
   * clicked the button with {@code actionId} on {@code message}.
   *
   * @throws IllegalArgumentException if the message has no button with that action_id
   */
  public SentEnvelope clickButton(String userId, Message message, String actionId) {
    // The click is made on the message as the clicker's client shows it, which may be stale: a
    // card whose buttons were removed can still be clicked in a client that has not refreshed.
    return send("interactive", payloads.blockActions(userId, message, actionId), 0);
  }

  /**
   * Sends a {@code block_actions} envelope as if {@code userId} chose the option with {@code value}
   * in the {@code static_select} with {@code actionId} on {@code message}.
   *
   * @throws IllegalArgumentException if there is no such menu or option
   */
  public SentEnvelope selectOption(String userId, Message message, String actionId, String value) {
    return send("interactive", payloads.blockActions(userId, message, actionId, value), 0);
  }

  /**
   * Sends the same payload again with a new envelope id, {@code retry_attempt} one higher and
   * {@code retry_reason "timeout"}, as Slack does when an ack is late.
   */
  public SentEnvelope redeliver(SentEnvelope original) {
    return send(original.type(), original.payload().deepCopy(), original.retryAttempt() + 1);
  }

  /**
   * Sends {@code {"type":"disconnect","reason":reason}} to every connected client. Bolt then opens
   * a new connection via {@code apps.connections.open} and closes the old one. Envelopes sent in
   * between are queued for the new connection.
   */
  public void disconnectAll(String reason) {
    hub.disconnectAll(reason);
  }

  /** Top-level messages of a channel in post order, in their current (edited) state. */
  public List<Message> messages(String channelId) {
    return workspace.messages().topLevel(channelId);
  }

  /** Replies in the thread of {@code threadTs}, in post order. */
  public List<Message> replies(String channelId, String threadTs) {
    return workspace.messages().replies(channelId, threadTs);
  }

  /** The message (top-level or reply) with that ts, in its current state. */
  public Optional<Message> message(String channelId, String ts) {
    return workspace.messages().find(channelId, ts);
  }

  /** Ephemeral messages shown to {@code userId}: chat.postEphemeral and response_url ones. */
  public List<Message> ephemerals(String userId) {
    return workspace.messages().ephemerals(userId);
  }

  /** Creates or replaces a user group ({@code S…}) that {@code usergroups.users.list} answers. */
  public void setUserGroup(String groupId, List<String> members) {
    workspace.setUserGroup(groupId, members);
  }

  /**
   * Sends an {@code interactive} envelope with a {@code view_submission} payload, as if {@code
   * userId} submitted the modal with plain-text inputs. Keys of {@code values} are {@code
   * "blockId.actionId"}.
   */
  public SentEnvelope submitView(String userId, View view, Map<String, String> values) {
    SentEnvelope sent = send("interactive", payloads.viewSubmission(userId, view, values), 0);
    // Slack closes the modal when the submission is acked without response_action "errors".
    sent.ack()
        .thenAccept(
            ack -> {
              String action =
                  ack.payload() == null ? "" : ack.payload().path("response_action").asText("");
              if (!"errors".equals(action)) {
                workspace.closeView(view.id());
              }
            });
    return sent;
  }

  /** Closes a modal as if the user pressed its Close button (no view_closed is sent). */
  public void closeView(String viewId) {
    workspace.closeView(viewId);
  }

  /** Modals still open for {@code userId}: opened with a trigger of that user's, not closed. */
  public List<View> openViews(String userId) {
    List<View> open = new ArrayList<>();
    for (View v : workspace.views()) {
      if (userId.equals(workspace.viewUser(v.id())) && workspace.isViewOpen(v.id())) {
        open.add(v);
      }
    }
    return open;
  }

  /** Modals opened with views.open, in order. */
  public List<View> views() {
    return workspace.views();
  }

  /** Every Web API call received for {@code method} (e.g. "chat.postMessage"), tokens redacted. */
  public List<ApiCall> calls(String method) {
    return workspace.calls(method);
  }

  /** Stops both servers and closes client connections; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    workspace.changes().close();
    hub.stop();
    http.stop(0);
    httpExecutor.shutdownNow();
  }

  private SentEnvelope send(String type, ObjectNode payload, int retryAttempt) {
    SentEnvelope envelope =
        new SentEnvelope(
            UUID.randomUUID().toString(), type, payload, retryAttempt, new CompletableFuture<>());
    hub.send(envelope);
    return envelope;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "slack-sandbox-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures and starts a {@link SlackServer}. */
  public static final class Builder {
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

    private Builder() {}

    /**
     * Adds a person to the demo workspace, e.g. {@code user("U0ALICE", "alice", "requester")}. The
     * name is used in payloads ({@code user_name}) and on the page, the role on the page only.
     */
    public Builder user(String id, String name, String role) {
      users.removeIf(u -> u.id().equals(id));
      users.add(new WorkspaceConfig.DirectoryUser(id, name, role == null ? "" : role));
      return this;
    }

    /** Adds a channel to the demo workspace, e.g. {@code channel("C0INCIDENTS", "incidents")}. */
    public Builder channel(String id, String name) {
      channels.removeIf(c -> c.id().equals(id));
      channels.add(new WorkspaceConfig.DirectoryChannel(id, name));
      return this;
    }

    /**
     * Adds the demo cast: alice (requester), bob (approver), carol (on-call lead) and #incidents.
     */
    public Builder demoWorkspace() {
      return user("U0ALICE", "alice", "requester")
          .user("U0BOB", "bob", "approver")
          .user("U0CAROL", "carol", "on-call lead")
          .channel("C0INCIDENTS", "incidents");
    }

    /** Bot token accepted by the Web API (default {@code xoxb-sandbox-bot}). */
    public Builder botToken(String botToken) {
      this.botToken = botToken;
      return this;
    }

    /** App-level token for apps.connections.open (default {@code xapp-sandbox-app}). */
    public Builder appToken(String appToken) {
      this.appToken = appToken;
      return this;
    }

    /** Team id (default {@code T0SANDBOX}). */
    public Builder teamId(String teamId) {
      this.teamId = teamId;
      return this;
    }

    /** App id (default {@code A0GREENLIGHT}). */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /** Bot user id (default {@code U0GREENBOT}). */
    public Builder botUserId(String botUserId) {
      this.botUserId = botUserId;
      return this;
    }

    /** Bot id (default {@code B0GREENBOT}). */
    public Builder botId(String botId) {
      this.botId = botId;
      return this;
    }

    /** HTTP port for the Web API and response_urls; 0 (default) picks a free one. */
    public Builder httpPort(int httpPort) {
      this.httpPort = httpPort;
      return this;
    }

    /** WebSocket port for Socket Mode; 0 (default) picks a free one. */
    public Builder socketPort(int socketPort) {
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
}
