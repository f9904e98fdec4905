package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupApproversTest extends WorkflowFixture {

  @Test
  void userGroupMembersMayApproveAndMembershipIsLookedUpAgainForNewcomers() {
    approvers = List.of(ALICE, "S0SRE");
    RemediationWorkflow wf = start("G1");
    String nonce = awaitOpenGate(wf);
    assertThat(wf.gate().approvers()).containsExactly(ALICE, "U0GROUPIE");
    assertThat(wf.gate().viaGroups()).isTrue();

    // Someone joined the group after the gate opened.
    directory.members = List.of("U0GROUPIE", "U0NEWBIE");
    wf.decide(new Decision(Verdict.APPROVE, "U0NEWBIE", nonce));

    assertThat(result("G1").gate().approvals()).containsExactly("U0NEWBIE");
    assertThat(directory.lookups.get()).isEqualTo(2);
  }
}
