package dev.greenlight.workflows;

import dev.greenlight.workflows.Decision.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates the recorded histories that {@link ReplayTest} replays. Run it only when a workflow
 * change is meant to be incompatible (and then guard the change with {@code Workflow.getVersion}
 * instead, if incidents may be running):
 *
 * <pre>
 * mvn -pl workflows test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp workflows/target/test-classes:workflows/target/classes:$(cat /tmp/cp.txt) \
 *   dev.greenlight.workflows.RecordHistories
 * </pre>
 */
public final class RecordHistories extends WorkflowFixture {
  public static void main(String[] args) throws Exception {
    RecordHistories r = new RecordHistories();
    r.startServer();
    try {
      RemediationWorkflow wf = r.start("REPLAY1");
      wf.decide(new Decision(Verdict.APPROVE, ALICE, r.awaitOpenGate(wf)));
      r.result("REPLAY1");
      String json = r.client.fetchHistory(RemediationWorkflow.workflowId("REPLAY1")).toJson(true);
      Path out = Path.of("workflows/src/test/resources/histories/approve-path.json");
      Files.writeString(out, json);
      System.out.println("wrote " + out.toAbsolutePath());
    } finally {
      r.stopServer();
    }
  }
}
