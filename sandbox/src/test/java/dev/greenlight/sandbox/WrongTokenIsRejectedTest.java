package dev.greenlight.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.auth.AuthTestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WrongTokenIsRejectedTest {

  private BoltHarness bolt;

  @BeforeEach
  void start() {
    bolt = new BoltHarness();
  }

  @AfterEach
  void stop() throws Exception {
    bolt.close();
  }

  @Test
  void wrongBotTokenGetsInvalidAuth() throws Exception {
    AuthTestResponse response = bolt.app.client().authTest(r -> r.token("xoxb-not-the-token"));

    assertThat(response.isOk()).isFalse();
    assertThat(response.getError()).isEqualTo("invalid_auth");
    assertThat(bolt.server.calls("auth.test"))
        .last()
        .satisfies(call -> assertThat(call.params().values()).doesNotContain("xoxb-not-the-token"));
  }

  @Test
  void rightBotTokenIdentifiesTheBot() throws Exception {
    AuthTestResponse response = bolt.client().authTest(r -> r);

    assertThat(response.isOk()).isTrue();
    assertThat(response.getUserId()).isEqualTo("U0GREENBOT");
    assertThat(response.getBotId()).isEqualTo("B0GREENBOT");
    assertThat(response.getTeamId()).isEqualTo("T0SANDBOX");
  }

  @Test
  void connectionsOpenNeedsTheAppToken() throws Exception {
    assertThat(bolt.client().appsConnectionsOpen(r -> r).getError())
        .isEqualTo("not_allowed_token_type");
    assertThat(bolt.app.client().appsConnectionsOpen(r -> r.token(bolt.server.appToken())).getUrl())
        .startsWith("ws://127.0.0.1:")
        .contains("/link/?ticket=");
  }
}
