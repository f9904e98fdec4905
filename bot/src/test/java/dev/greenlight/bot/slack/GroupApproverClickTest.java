package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.bot.e2e.TestConfig;
import dev.greenlight.bot.e2e.TestDirs;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import org.junit.jupiter.api.Test;

/**
 * When any approver list names a user group (here the high-risk runbook's S0SRE), the bot refuses
 * nobody itself: group membership is the workflow's to look up, and it answers a non-member.
 */
class GroupApproverClickTest extends ClickFixture {

  @Override
  GreenlightConfig config() throws Exception {
    return ConfigLoader.load(
        TestConfig.write(TestDirs.directory("greenlight-groups"), "http://127.0.0.1:9", "1h"));
  }

  @Test
  void aClickerInNoListIsSignalledForTheWorkflowToJudge() throws Exception {
    ack(slack.clickButton(MALLORY, card(ours()), Ids.APPROVE_ACTION));

    assertThat(incidents.calls).containsExactly("signal");
    assertThat(incidents.signals.get(0).decision().userId()).isEqualTo(MALLORY);
    assertThat(toldTo(MALLORY)).isEmpty();
  }
}
