package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** All mutable state of the sandbox workspace; every method is thread-safe. */
final class Workspace {

  static final String REDACTED = "[redacted]";

  private final WorkspaceConfig config;
  private final ChangeFeed changes = new ChangeFeed();
  private final MessageStore messages = new MessageStore(changes::changed);
  private final Map<String, List<ApiCall>> calls = new HashMap<>();
  private final List<View> views = new CopyOnWriteArrayList<>();
  private final Map<String, ResponseTarget> responseTargets = new ConcurrentHashMap<>();

  /** Trigger id -> the user whose interaction produced it ("" when unknown). */
  private final Map<String, String> triggers = new ConcurrentHashMap<>();

  /** View id -> the user it was opened for (the user of its trigger). */
  private final Map<String, String> viewUsers = new ConcurrentHashMap<>();

  private final Set<String> closedViews = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();

  Workspace(WorkspaceConfig config) {
    this.config = config;
  }

  WorkspaceConfig config() {
    return config;
  }

  MessageStore messages() {
    return messages;
  }

  ChangeFeed changes() {
    return changes;
  }

  /** Records a call, replacing any token parameter with a redaction marker. */
  void record(String method, Map<String, String> params) {
    Map<String, String> safe = new LinkedHashMap<>(params);
    safe.replaceAll((k, v) -> k.toLowerCase(Locale.ROOT).contains("token") ? REDACTED : v);
    ApiCall call = new ApiCall(method, safe, Instant.now());
    synchronized (calls) {
      calls.computeIfAbsent(method, m -> new ArrayList<>()).add(call);
    }
  }

  List<ApiCall> calls(String method) {
    synchronized (calls) {
      return List.copyOf(calls.getOrDefault(method, List.of()));
    }
  }

  /**
   * Issues a Slack-looking trigger id for an interaction by {@code userId} and remembers it for
   * {@code views.open} (a modal opened with it is shown to that user).
   */
  String newTriggerId(String userId) {
    String id =
        ids.incrementAndGet()
            + "."
            + System.currentTimeMillis()
            + "."
            + UUID.randomUUID().toString().replace("-", "");
    triggers.put(id, userId == null ? "" : userId);
    return id;
  }

  boolean isKnownTrigger(String triggerId) {
    return triggerId != null && triggers.containsKey(triggerId);
  }

  ResponseTarget newResponseTarget(String channel, String user, String messageTs, String threadTs) {
    ResponseTarget target =
        new ResponseTarget(UUID.randomUUID().toString(), channel, user, messageTs, threadTs);
    responseTargets.put(target.id(), target);
    return target;
  }

  Optional<ResponseTarget> responseTarget(String id) {
    return Optional.ofNullable(responseTargets.get(id));
  }

  /** Stores a modal, completing it with the fields Slack adds; returns the stored view. */
  View openView(String triggerId, ObjectNode definition) {
    String id = String.format("V%07d", ids.incrementAndGet());
    ObjectNode view = definition.deepCopy();
    if (view.path("blocks").isArray()) {
      view.set("blocks", Payloads.withBlockIds(view.get("blocks"))); // as Slack does
    }
    view.put("id", id);
    view.put("team_id", config.teamId());
    view.put("app_id", config.appId());
    view.put("bot_id", config.botId());
    view.put("app_installed_team_id", config.teamId());
    view.put("root_view_id", id);
    view.putNull("previous_view_id");
    view.put("hash", System.currentTimeMillis() + "." + ids.incrementAndGet());
    if (!view.has("state")) {
      view.putObject("state").putObject("values");
    }
    View stored = new View(id, triggerId, view);
    String user = triggers.getOrDefault(triggerId, "");
    if (!user.isEmpty()) {
      viewUsers.put(id, user);
    }
    views.add(stored);
    changes.changed();
    return stored;
  }

  /** The user a view was opened for (the user of its trigger id), or {@code null}. */
  String viewUser(String viewId) {
    return viewUsers.get(viewId);
  }

  Optional<View> view(String viewId) {
    return views.stream().filter(v -> v.id().equals(viewId)).findFirst();
  }

  /** Marks a modal closed (submitted without errors, or cancelled); idempotent. */
  void closeView(String viewId) {
    if (closedViews.add(viewId)) {
      changes.changed();
    }
  }

  boolean isViewOpen(String viewId) {
    return !closedViews.contains(viewId);
  }

  /** Modals opened with a trigger of {@code userId}'s and not closed, in order. */
  List<View> openViews(String userId) {
    return views().stream()
        .filter(v -> userId.equals(viewUser(v.id())) && isViewOpen(v.id()))
        .toList();
  }

  void setUserGroup(String groupId, List<String> members) {
    userGroups.put(groupId, List.copyOf(members));
  }

  /** The group's members, or null when there is no such group. */
  List<String> userGroup(String groupId) {
    return userGroups.get(groupId);
  }

  Map<String, List<String>> userGroups() {
    return Map.copyOf(userGroups);
  }

  private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds a line the page shows in its sidebar, about the sandbox itself. */
  void addNote(String text) {
    notes.add(text);
    changes().changed();
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  List<View> views() {
    return List.copyOf(views);
  }

  /**
   * The configured channel name, else one derived from the id: {@code C0ALERTS} is {@code
   * #c0alerts}.
   */
  String channelName(String channelId) {
    for (WorkspaceConfig.DirectoryChannel c : config.channels()) {
      if (c.id().equals(channelId)) {
        return c.name();
      }
    }
    return channelId.toLowerCase(Locale.ROOT);
  }

  /** The configured user name, else one derived from the id ({@code U0ALICE} is u0alice). */
  String userName(String userId) {
    if (userId == null) {
      return "";
    }
    if (userId.equals(config.botUserId())) {
      return WorkspaceConfig.BOT_USER_NAME;
    }
    for (WorkspaceConfig.DirectoryUser u : config.users()) {
      if (u.id().equals(userId)) {
        return u.name();
      }
    }
    return userId.toLowerCase(Locale.ROOT);
  }
}
