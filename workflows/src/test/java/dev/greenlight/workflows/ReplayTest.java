package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Replays a recorded history of the approve path against today's workflow code. A change that would
 * break incidents already running fails here: guard it with {@code Workflow.getVersion}.
 */
class ReplayTest {

  @Test
  void recordedApprovePathReplaysWithoutNondeterminism() throws Exception {
    String json;
    try (InputStream in = getClass().getResourceAsStream("/histories/approve-path.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json).contains("WORKFLOW_EXECUTION_SIGNALED", "decide");
    WorkflowReplayer.replayWorkflowExecution(json, RemediationWorkflowImpl.class);
  }
}
