package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.Outcome;
import dev.greenlight.api.Risk;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Version 1 of {@link Notices#LEAN_REPLIES_CHANGE}: each thread reply's local activity is given the
 * card without the report, the menu and the classification's evidence, so the history records the
 * report once (the workflow's input and the card posts) instead of once per reply; the card posts
 * and edits still get the whole card, and the history replays. That each reply reads the same from
 * the lean card is {@code ThreadTextFromTheLeanCardTest}'s.
 */
class LeanRepliesTest extends WorkflowFixture {
  private static final String REPORT = "pods OOMKilled since 14:02";

  @Test
  void repliesAreRecordedWithoutTheReportWhileTheCardKeepsIt() throws Exception {
    classifier.answer = Fakes.classification(Risk.HIGH, 0.99);
    RemediationWorkflow wf = start("LR1");
    String nonce = awaitOpenGate(wf);
    wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a"));
    wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b"));
    assertThat(result("LR1").outcome()).isEqualTo(Outcome.RECOVERED);
    WorkflowExecutionHistory history = client.fetchHistory(RemediationWorkflow.workflowId("LR1"));

    List<String> replies = inputs(history, "PostUpdate");
    List<String> cards = new ArrayList<>(inputs(history, "PostCard"));
    cards.addAll(inputs(history, "UpdateCard"));
    assertThat(replies).hasSizeGreaterThanOrEqualTo(5).noneMatch(i -> i.contains(REPORT));
    assertThat(cards).isNotEmpty().allMatch(i -> i.contains(REPORT));
    // Every reply was still sent, to its end; what each one says is ThreadText's (bot module).
    assertThat(notifier.steps).endsWith(dev.greenlight.api.ThreadUpdate.Step.RECOVERED);
    WorkflowReplayer.replayWorkflowExecution(history, RemediationWorkflowImpl.class);
  }

  /** The recorded inputs of every local activity of {@code type}, as JSON text. */
  private static List<String> inputs(WorkflowExecutionHistory history, String type) {
    List<String> out = new ArrayList<>();
    for (HistoryEvent e : history.getEvents()) {
      if (e.getEventType() != EventType.EVENT_TYPE_MARKER_RECORDED) {
        continue;
      }
      MarkerRecordedEventAttributes m = e.getMarkerRecordedEventAttributes();
      if (!m.containsDetails("type")
          || !m.getDetailsOrThrow("type")
              .getPayloads(0)
              .getData()
              .toString(StandardCharsets.UTF_8)
              .equals("\"" + type + "\"")) {
        continue;
      }
      StringBuilder all = new StringBuilder();
      for (Payload p : m.getDetailsOrThrow("input").getPayloadsList()) {
        all.append(p.getData().toString(StandardCharsets.UTF_8));
      }
      out.add(all.toString());
    }
    return out;
  }
}
