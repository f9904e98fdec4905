package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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
  private final Envelopes envelopes;
  private final SandboxHttp http;
  private final String apiUrl;
  private final String pageUrl;
  private final Faults faults;
  private final HomeTabs homeTabs;
  private final Events events;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile AlertControl alertControl;

  SlackServer(WorkspaceConfig config) {
    this.workspace = new Workspace(config);
    this.hub = new SocketModeHub(config.appId(), config.socketPort());
    this.envelopes = new Envelopes(workspace, hub);
    this.http = new SandboxHttp(config.httpPort());
    String base = http.baseUrl();
    this.apiUrl = base + "/api/";
    this.pageUrl = base + "/";
    this.payloads = new Payloads(workspace, base + ResponseUrls.PATH);
    this.faults = new Faults(hub::dropAll, Clock.systemUTC());
    this.homeTabs = new HomeTabs(config);
    this.events = new Events(config);
    http.route("/api/", new WebApi(workspace, payloads, hub::newConnectionUrl, faults, homeTabs));
    http.route(ResponseUrls.PATH, new ResponseUrls(workspace));
    http.route("/", new SandboxPage(this, workspace));
    http.start(hub);
  }

  /** Returns a builder for a server with custom identity or ports. */
  public static SlackServerBuilder builder() {
    return new SlackServerBuilder();
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
    return envelopes.slashCommand(
        userId, channelId, payloads.slashCommand(userId, channelId, command, text));
  }

  /**
   * Sends an {@code events_api} envelope with {@code app_home_opened}, as if {@code userId} opened
   * the app's Home tab (with the tab as last published, once there is one).
   */
  public SentEnvelope openAppHome(String userId) {
    return envelopes.send("events_api", events.appHomeOpened(userId, homeTabs.of(userId)), 0);
  }

  /** The Home tab the app last published for {@code userId} ({@code views.publish}). */
  public Optional<ObjectNode> homeTab(String userId) {
    return homeTabs.of(userId);
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
    return envelopes.send("interactive", payloads.blockActions(userId, message, actionId), 0);
  }

  /**
   * Sends a {@code block_actions} envelope as if {@code userId} chose the option with {@code value}
   * in the {@code static_select} with {@code actionId} on {@code message}.
   *
   * @throws IllegalArgumentException if there is no such menu or option
   */
  public SentEnvelope selectOption(String userId, Message message, String actionId, String value) {
    return envelopes.send(
        "interactive", payloads.blockActions(userId, message, actionId, value), 0);
  }

  /**
   * Sends the same payload again with a new envelope id, {@code retry_attempt} one higher and
   * {@code retry_reason "timeout"}, as Slack does when an ack is late.
   */
  public SentEnvelope redeliver(SentEnvelope original) {
    return envelopes.send(
        original.type(), original.payload().deepCopy(), original.retryAttempt() + 1);
  }

  /**
   * Sends {@code {"type":"disconnect","reason":reason}} to every connected client. Bolt then opens
   * a new connection via {@code apps.connections.open} and closes the old one. Envelopes sent in
   * between are queued for the new connection.
   */
  public void disconnectAll(String reason) {
    hub.disconnectAll(reason);
  }

  /**
   * Fault injection: Slack errors, outages, rate limits and lost replies per Web API method, and
   * dropped Socket Mode connections. Nothing is faulted until a test arms it.
   */
  public Faults faults() {
    return faults;
  }

  /**
   * The {@code block_actions} payload that {@link #clickButton} would send, for a test to alter
   * (another team, another action_id, a garbled value) and send with {@link #sendInteractive}.
   */
  public ObjectNode clickPayload(String userId, Message message, String actionId) {
    return payloads.blockActions(userId, message, actionId);
  }

  /** The {@code slash_commands} payload that {@link #sendSlashCommand} would send, to alter. */
  public ObjectNode slashCommandPayload(
      String userId, String channelId, String command, String text) {
    return payloads.slashCommand(userId, channelId, command, text);
  }

  /** Sends {@code payload} as is in a {@code slash_commands} envelope, as a forger could. */
  public SentEnvelope sendSlashCommand(ObjectNode payload) {
    ObjectNode copy = payload.deepCopy();
    return envelopes.slashCommand(
        copy.path("user_id").asText(), copy.path("channel_id").asText(), copy);
  }

  /** Sends {@code payload} as is in an {@code interactive} envelope, as a forger could. */
  public SentEnvelope sendInteractive(ObjectNode payload) {
    return envelopes.send("interactive", payload.deepCopy(), 0);
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

  /** Shows a line about the sandbox (plain text) in the page's sidebar. */
  public void addNote(String text) {
    workspace.addNote(text);
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
    return envelopes.viewSubmission(view, payloads.viewSubmission(userId, view, values));
  }

  /** Turns on the page's "fire an alert" control ({@code /alert}, {@code POST /sandbox/alert}). */
  public void alertControl(AlertControl control) {
    this.alertControl = control;
  }

  /** The "fire an alert" control, or null when none is set. */
  AlertControl alertControl() {
    return alertControl;
  }

  /** Closes a modal as if the user pressed its Close button (no view_closed is sent). */
  public void closeView(String viewId) {
    workspace.closeView(viewId);
  }

  /** Modals still open for {@code userId}: opened with a trigger of that user's, not closed. */
  public List<View> openViews(String userId) {
    return workspace.openViews(userId);
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
    http.stop();
  }
}
