package dev.greenlight.workflows;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
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
      // approve-path.json was recorded before quorum gates (version DEFAULT) and is kept as it is:
      // it proves that incidents started then still replay. Only the current path is re-recorded.
      r.classifier.answer = Fakes.classification(dev.greenlight.api.Risk.HIGH, 0.95);
      RemediationWorkflow wf = r.start("REPLAY2");
      String nonce = r.awaitOpenGate(wf);
      wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
      wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a2"));
      wf.decide(new Decision(Verdict.SNOOZE, BOB, nonce, null, 30, "s1"));
      wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
      r.result("REPLAY2");
      String json = r.client.fetchHistory(RemediationWorkflow.workflowId("REPLAY2")).toJson(true);
      Path out = Path.of("workflows/src/test/resources/histories/quorum-path.json");
      Files.writeString(out, json);
      System.out.println("wrote " + out.toAbsolutePath());
    } finally {
      r.stopServer();
    }
  }
}
