package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Replays recorded histories against today's workflow code. A change that would break incidents
 * already running fails here: guard it with {@code Workflow.getVersion}.
 */
class ReplayTest {

  @Test
  void incidentStartedBeforeQuorumGatesReplaysOnTheLegacyPath() throws Exception {
    String json = history("approve-path.json");
    assertThat(json)
        .contains("WORKFLOW_EXECUTION_SIGNALED", "decide")
        .doesNotContain("MARKER_RECORDED");
    WorkflowReplayer.replayWorkflowExecution(json, RemediationWorkflowImpl.class);
  }

  @Test
  void quorumGateWithSnoozeAndDuplicateClickReplays() throws Exception {
    String json = history("quorum-path.json");
    // The version marker, and four clicks: two approvals, a duplicate and a snooze.
    assertThat(json).contains("EVENT_TYPE_MARKER_RECORDED");
    assertThat(json.split("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED", -1)).hasSize(5);
    WorkflowReplayer.replayWorkflowExecution(json, RemediationWorkflowImpl.class);
  }

  private String history(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
