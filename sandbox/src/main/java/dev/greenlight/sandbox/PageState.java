package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * What one user sees in one channel, as the page's {@code GET /sandbox/state} JSON: the workspace
 * directory, the channel's messages with their threads, the user's ephemerals, open modals and App
 * Home tab.
 */
final class PageState {
  private static final List<WorkspaceConfig.DirectoryUser> DEFAULT_USERS =
      List.of(
          new WorkspaceConfig.DirectoryUser("U0ALICE", "alice", "requester"),
          new WorkspaceConfig.DirectoryUser("U0BOB", "bob", "approver"),
          new WorkspaceConfig.DirectoryUser("U0CAROL", "carol", "on-call lead"));
  private static final List<WorkspaceConfig.DirectoryChannel> DEFAULT_CHANNELS =
      List.of(new WorkspaceConfig.DirectoryChannel("C0INCIDENTS", "incidents"));

  private final Workspace workspace;
  private final Function<String, List<View>> openViews;
  private final Function<String, java.util.Optional<ObjectNode>> homeTabs;

  /**
   * @param openViews the modals still open for a user id
   * @param homeTabs the Home tab the app last published for a user id ({@code views.publish})
   */
  PageState(
      Workspace workspace,
      Function<String, List<View>> openViews,
      Function<String, java.util.Optional<ObjectNode>> homeTabs) {
    this.workspace = workspace;
    this.openViews = openViews;
    this.homeTabs = homeTabs;
  }

  /** The state for {@code user} in {@code channel}; blank ones default to the first listed. */
  ObjectNode of(String user, String channel) {
    WorkspaceConfig config = workspace.config();
    List<WorkspaceConfig.DirectoryUser> users =
        config.users().isEmpty() ? DEFAULT_USERS : config.users();
    List<WorkspaceConfig.DirectoryChannel> channels =
        config.channels().isEmpty() ? DEFAULT_CHANNELS : config.channels();
    if (user == null || user.isBlank()) {
      user = users.get(0).id();
    }
    if (channel == null || channel.isBlank()) {
      channel = channels.get(0).id();
    }
    ObjectNode s = Json.object();
    s.put("version", workspace.changes().version());
    s.put("user", user);
    s.put("channel", channel);
    ObjectNode ws = s.putObject("workspace");
    ws.put("name", WorkspaceConfig.TEAM_NAME);
    ws.put("teamId", config.teamId());
    ObjectNode bot = ws.putObject("bot");
    bot.put("id", config.botUserId());
    bot.put("name", WorkspaceConfig.BOT_USER_NAME);
    ArrayNode userArray = ws.putArray("users");
    for (WorkspaceConfig.DirectoryUser u : users) {
      userArray.addObject().put("id", u.id()).put("name", u.name()).put("role", u.role());
    }
    ArrayNode channelArray = ws.putArray("channels");
    for (WorkspaceConfig.DirectoryChannel c : channels) {
      channelArray.addObject().put("id", c.id()).put("name", c.name());
    }
    workspace.notes().forEach(ws.putArray("notes")::add);
    ArrayNode groups = ws.putArray("userGroups");
    workspace
        .userGroups()
        .forEach(
            (id, members) -> {
              ObjectNode g = groups.addObject().put("id", id);
              members.forEach(g.putArray("members")::add);
            });

    ArrayNode messages = s.putArray("messages");
    for (Message m : workspace.messages().topLevel(channel)) {
      ObjectNode json = messageJson(m);
      ArrayNode replies = json.putArray("replies");
      for (Message r : workspace.messages().replies(channel, m.ts())) {
        replies.add(messageJson(r));
      }
      messages.add(json);
    }
    ArrayNode ephemerals = s.putArray("ephemerals");
    for (Message m : workspace.messages().ephemerals(user)) {
      if (m.channel().equals(channel)) {
        ephemerals.add(messageJson(m).put("ephemeral", true));
      }
    }
    ArrayNode views = s.putArray("views");
    for (View v : openViews.apply(user)) {
      views.addObject().put("id", v.id()).set("view", v.view().deepCopy());
    }
    // The user's App Home tab as last published, or null until the app published one.
    s.set("home", homeTabs.apply(user).map(t -> (ObjectNode) t).orElse(null));
    return s;
  }

  private ObjectNode messageJson(Message m) {
    ObjectNode json = Json.object();
    json.put("ts", m.ts());
    json.put("channel", m.channel());
    if (m.threadTs() != null) {
      json.put("threadTs", m.threadTs());
    }
    json.put("user", m.user());
    json.put("userName", workspace.userName(m.user()));
    json.put("bot", workspace.config().botUserId().equals(m.user()));
    json.put("text", m.text());
    json.set("blocks", m.blocks().deepCopy());
    json.put("edited", m.editCount() > 0);
    return json;
  }
}
