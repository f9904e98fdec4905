package dev.greenlight.sandbox;

/** Identity and listening ports of the sandbox workspace. */
record WorkspaceConfig(
    String botToken,
    String appToken,
    String teamId,
    String appId,
    String botUserId,
    String botId,
    int httpPort,
    int socketPort) {

  static final String TEAM_NAME = "Greenlight Sandbox";
  static final String TEAM_DOMAIN = "greenlight-sandbox";
  static final String BOT_USER_NAME = "greenlight";

  /** Verification token placed in payloads (a fixed, non-secret value, as Slack's is legacy). */
  static final String VERIFICATION_TOKEN = "sandbox-verification-token";
}
