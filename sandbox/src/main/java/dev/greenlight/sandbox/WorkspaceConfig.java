package dev.greenlight.sandbox;

import java.util.List;

/** Identity, listening ports and demo directory (users, channels) of the sandbox workspace. */
record WorkspaceConfig(
    String botToken,
    String appToken,
    String teamId,
    String appId,
    String botUserId,
    String botId,
    int httpPort,
    int socketPort,
    List<DirectoryUser> users,
    List<DirectoryChannel> channels) {

  WorkspaceConfig {
    users = List.copyOf(users);
    channels = List.copyOf(channels);
  }

  /** A person in the demo workspace, e.g. {@code U0ALICE "alice" "requester"}. */
  record DirectoryUser(String id, String name, String role) {}

  /** A channel in the demo workspace, e.g. {@code C0INCIDENTS "incidents"}. */
  record DirectoryChannel(String id, String name) {}

  static final String TEAM_NAME = "Greenlight Sandbox";
  static final String TEAM_DOMAIN = "greenlight-sandbox";
  static final String BOT_USER_NAME = "greenlight";

  /** Verification token placed in payloads (a fixed, non-secret value, as Slack's is legacy). */
  static final String VERIFICATION_TOKEN = "sandbox-verification-token";
}
