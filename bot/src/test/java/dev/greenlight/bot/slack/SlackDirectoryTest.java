package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Principal;
import dev.greenlight.sandbox.SlackServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Approver groups resolved through the real Slack client against the sandbox Slack. */
class SlackDirectoryTest {
  private final SlackServer slack = SlackServer.start();
  private final SlackDirectory directory =
      new SlackDirectory(GreenlightApp.slack(slack.apiUrl()).methods(slack.botToken()));

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void groupsExpandToMembersOnceAndAreCachedBriefly() {
    slack.setUserGroup("S0SRE", List.of("U0ALICE", "U0GROUPIE"));
    assertThat(directory.resolveApprovers(principals("U0ALICE", "S0SRE", "U0BOB")))
        .containsExactly("U0ALICE", "U0GROUPIE", "U0BOB");
    slack.setUserGroup("S0SRE", List.of("U0NEWBIE"));
    assertThat(directory.resolveApprovers(principals("S0SRE")))
        .containsExactly("U0ALICE", "U0GROUPIE");
    assertThat(slack.calls("usergroups.users.list")).hasSize(1);
  }

  @Test
  void anUnknownGroupCountsAsEmptyInsteadOfFailingTheIncident() {
    assertThat(directory.resolveApprovers(principals("U0ALICE", "S0GONE")))
        .containsExactly("U0ALICE");
  }

  private static List<Principal> principals(String... ids) {
    return java.util.Arrays.stream(ids).map(Principal::of).toList();
  }
}
