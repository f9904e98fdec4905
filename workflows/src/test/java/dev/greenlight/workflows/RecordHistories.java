package dev.greenlight.workflows;

import dev.greenlight.api.CardRef;
import dev.greenlight.api.Classification;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Decision.Verdict;
import dev.greenlight.api.FreezeWindow;
import dev.greenlight.api.RailsPolicy;
import dev.greenlight.api.Risk;
import dev.greenlight.api.RunbookChoice;
import dev.greenlight.api.SearchAttributeNames;
import io.temporal.api.enums.v1.IndexedValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Records the histories that {@link ReplayTest} replays, one per path through the workflow. Run it
 * only when a workflow change is meant to be incompatible; a change to workflow code that incidents
 * may be running must instead be guarded with {@code Workflow.getVersion} and keep these replaying.
 * Recorded paths are kept: without arguments it records only paths that have no file yet.
 *
 * <pre>
 * mvn -pl workflows test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp workflows/target/test-classes:workflows/target/classes:$(cat /tmp/cp.txt) \
 *   dev.greenlight.workflows.RecordHistories
 * </pre>
 */
public final class RecordHistories extends WorkflowFixture {
  /** The recorded paths, by file name. */
  static final List<String> PATHS =
      List.of(
          "quorum-path",
          "auto-path",
          "reject-path",
          "pick-path",
          "expiry-path",
          "queued-notices-path",
          "alert-resolved-path",
          "breaker-path",
          "freeze-path",
          "preview-path",
          "intake-path",
          "freeze-while-waiting-path",
          "argo-gate-path",
          "undo-path",
          "local-reads-path",
          "late-clicks-path",
          "on-demand-path",
          "local-rails-path",
          "lean-replies-path");

  /** Records the named paths, or else every path that has no recorded file yet. */
  public static void main(String[] args) throws Exception {
    List<String> paths =
        args.length > 0
            ? List.of(args)
            : PATHS.stream().filter(p -> !Files.exists(file(p))).toList();
    for (String path : paths) {
      RecordHistories r = new RecordHistories();
      r.startServer();
      try {
        r.record(path);
      } finally {
        r.stopServer();
      }
    }
  }

  /** Two failed fixes (not recorded) trip a breaker of two; the next incident waits at the gate. */
  private void tripTheBreaker(String first, String second) {
    rails = new RailsPolicy(2, 3_153_600_000L, List.of(), RailsPolicy.HighRiskInFreeze.REFUSE);
    classifier.answer = Fakes.classification(Risk.LOW, 0.97);
    remediator.recovers = false;
    for (String before : List.of(first, second)) {
      start(before);
      result(before);
    }
  }

  private void record(String path) throws Exception {
    String id = path.toUpperCase(java.util.Locale.ROOT).replace("-PATH", "");
    switch (path) {
      case "quorum-path" -> {
        // Two approvals on a high-risk tier, a duplicate click and a snooze.
        classifier.answer = Fakes.classification(Risk.HIGH, 0.95);
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a2"));
        wf.decide(new Decision(Verdict.SNOOZE, BOB, nonce, null, 30, "s1"));
        wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
      }
      case "auto-path" -> {
        classifier.answer = Fakes.classification(Risk.LOW, 0.97);
        start(id);
      }
      case "reject-path" -> {
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        wf.decide(new Decision(Verdict.APPROVE, MALLORY, nonce, null, 0, "m1"));
        wf.decide(new Decision(Verdict.REJECT, BOB, nonce, "not during the sale", 0, "r1"));
      }
      case "pick-path" -> {
        classifier.answer =
            new Classification(Classification.UNKNOWN, 0.2, null, null, null, "x", "m");
        choices = List.of(new RunbookChoice("rollback-deploy", "bad-deploy", Risk.HIGH));
        RemediationWorkflow wf = start(id);
        String choosing = awaitOpenGate(wf);
        wf.decide(new Decision(Verdict.PICK, ALICE, choosing, null, 0, "p1", "rollback-deploy"));
        String nonce = awaitNewGate(wf, choosing);
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
        wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
      }
      case "queued-notices-path" -> {
        // Version 1 of Notices.CHANGE_ID: notifications queued off the critical path, a snooze,
        // an approval, a refused click answered privately, and the outcome on the card.
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        wf.decide(new Decision(Verdict.APPROVE, MALLORY, nonce, null, 0, "m1"));
        wf.decide(new Decision(Verdict.SNOOZE, BOB, nonce, null, 30, "s1"));
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
      }
      case "alert-resolved-path" -> RecordedAlertPaths.alertResolved(this, id);
      case "local-rails-path", "lean-replies-path" -> RecordedRailsPaths.localCheck(this, id);
      case "breaker-path" -> {
        // Version 1 of Rails.CHANGE_ID: two failed fixes (not recorded) trip the breaker; the
        // third incident waits at the gate, a non-approver's reset is refused, an approver resets
        // it, another approves, and the failed verification is told to the breaker.
        tripTheBreaker("BREAKER1", "BREAKER2");
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        CardRef card = new CardRef("C0INCIDENTS", "1700000000.000100");
        wf.resetBreaker(MALLORY, card, "x1");
        wf.resetBreaker(ALICE, card, "x2");
        env.sleep(Duration.ofSeconds(5));
        wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
      }
      case "freeze-path" -> {
        // Version 1 of Rails.CHANGE_ID and of Visibility.CHANGE_ID: a high-risk proposal during a
        // change freeze needs a third approver; the search attributes follow the gate.
        SearchAttributeNames.ALL.forEach(
            n -> env.registerSearchAttribute(n, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
        searchAttributes = true;
        java.time.LocalDateTime now =
            java.time.LocalDateTime.ofInstant(
                java.time.Instant.ofEpochMilli(env.currentTimeMillis()), java.time.ZoneOffset.UTC);
        rails =
            new RailsPolicy(
                3,
                3600,
                List.of(
                    new FreezeWindow(
                        "release",
                        "UTC",
                        now.minusHours(1).withNano(0).toString(),
                        now.plusHours(3).withNano(0).toString())),
                RailsPolicy.HighRiskInFreeze.EXTRA_APPROVER);
        classifier.answer = Fakes.classification(Risk.HIGH, 0.95);
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
        wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
        wf.decide(new Decision(Verdict.APPROVE, DAN, nonce, null, 0, "d1"));
      }
      case "preview-path" -> {
        // Version 1 of Proposals.PREVIEW_CHANGE: the action's dry run on the card, then approved.
        remediator.preview = dev.greenlight.api.ActionPreview.change("replicas 3 -> 6");
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
      }
      case "intake-path" -> RecordedAlertPaths.intake(this, id);
      case "freeze-while-waiting-path" -> {
        // Version 1 of FreezeWatch.CHANGE_ID: a high-risk proposal waits at its gate, a change
        // freeze begins meanwhile and asks for a third approver, and three approve.
        startPacemaker(Duration.ofMinutes(1));
        java.time.LocalDateTime now =
            java.time.LocalDateTime.ofInstant(
                    java.time.Instant.ofEpochMilli(env.currentTimeMillis()),
                    java.time.ZoneOffset.UTC)
                .withSecond(0)
                .withNano(0);
        rails =
            new RailsPolicy(
                0,
                0,
                List.of(
                    new FreezeWindow(
                        "release",
                        "UTC",
                        now.plusMinutes(10).toString(),
                        now.plusHours(3).toString())),
                RailsPolicy.HighRiskInFreeze.EXTRA_APPROVER);
        classifier.answer = Fakes.classification(Risk.HIGH, 0.95);
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        env.sleep(Duration.ofMinutes(15));
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
        wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
        wf.decide(new Decision(Verdict.APPROVE, DAN, nonce, null, 0, "d1"));
      }
      case "argo-gate-path" -> {
        // An Argo suspend gate (a workflow type of its own): the watcher asks it to look while the
        // node still waits, the submitter's approval is refused on the high tier, two approve, and
        // the node is set, resumed and followed to its end.
        String wfId = ArgoGateWorkflow.workflowId("uid-ship-1", "ship-1-42");
        ArgoGateWorkflow wf =
            client.newWorkflowStub(
                ArgoGateWorkflow.class,
                io.temporal.client.WorkflowOptions.newBuilder()
                    .setWorkflowId(wfId)
                    .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                    .build());
        io.temporal.client.WorkflowClient.start(
            wf::run, FakeArgoGates.request(request(id), REQUESTER));
        String nonce = awaitOpenGate(wf);
        wf.checkNode();
        env.sleep(Duration.ofSeconds(5));
        wf.decide(new Decision(Verdict.APPROVE, REQUESTER, nonce, null, 0, "q1"));
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
        wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
        io.temporal.client.WorkflowStub.fromTyped(wf)
            .getResult(dev.greenlight.api.IncidentResult.class);
        Files.writeString(file(path), client.fetchHistory(wfId).toJson(true));
        return;
      }
      case "undo-path" -> {
        // Version 1 of UndoWindow.CHANGE_ID: a previewed scale approved and verified, then the
        // Undo offered in the thread, a click from another message refused, and an approver's
        // Undo run.
        remediator.preview = dev.greenlight.api.ActionPreview.change("replicas 3 -> 6");
        remediator.undo =
            new dev.greenlight.api.UndoPlan(
                dev.greenlight.api.UndoPlan.Kind.SCALE, 3, "scale back to 3 replicas", 3600);
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
        while (notifier.undoOffers.isEmpty()) {
          env.sleep(Duration.ofMillis(50));
        }
        String undo = notifier.undoOffers.get(0).nonce();
        wf.decide(new Decision(Verdict.APPROVE, BOB, undo, null, 0, "u0"));
        wf.decide(
            new Decision(Verdict.APPROVE, BOB, undo, null, 0, "u1")
                .onCard(Fakes.Notifier.UNDO_MESSAGE));
      }
      case "local-reads-path" -> {
        // Version 1 of Reads.CHANGE_ID: the classification and the dry run in the worker.
        remediator.preview = dev.greenlight.api.ActionPreview.change("replicas 3 -> 6");
        RemediationWorkflow wf = start(id);
        wf.decide(new Decision(Verdict.APPROVE, ALICE, awaitOpenGate(wf), null, 0, "a1"));
      }
      case "late-clicks-path" -> {
        // Version 1 of RemediationWorkflowImpl.LATE_CLICKS_CHANGE: two approve a high-risk
        // proposal, and a third click arrives while the card shows the outcome; it is answered
        // before the workflow closes.
        classifier.answer = Fakes.classification(Risk.HIGH, 0.95);
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        RemediationWorkflow late =
            client.newWorkflowStub(RemediationWorkflow.class, RemediationWorkflow.workflowId(id));
        notifier.whileShowingTheOutcome =
            () -> late.decide(new Decision(Verdict.APPROVE, DAN, nonce, null, 0, "d1"));
        wf.decide(new Decision(Verdict.APPROVE, ALICE, nonce, null, 0, "a1"));
        wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
      }
      case "on-demand-path" -> {
        // Version 1 of Helpers.CHANGE_ID: the breaker is tripped as in
        // breaker-path; each of two reset requests starts the thread that serves it (the first
        // one has ended by the time the second comes), and an approval releases the gate.
        tripTheBreaker("ONDEMAND1", "ONDEMAND2");
        RemediationWorkflow wf = start(id);
        String nonce = awaitOpenGate(wf);
        CardRef card = new CardRef("C0INCIDENTS", "1700000000.000100");
        wf.resetBreaker(MALLORY, card, "x1");
        env.sleep(Duration.ofSeconds(5));
        wf.resetBreaker(ALICE, card, "x2");
        env.sleep(Duration.ofSeconds(5));
        wf.decide(new Decision(Verdict.APPROVE, BOB, nonce, null, 0, "b1"));
      }
      default -> {
        // Nobody decides: a reminder, the on-call escalation, then expiry.
        start(id);
        env.sleep(Duration.ofHours(2));
      }
    }
    result(id);
    String json = client.fetchHistory(RemediationWorkflow.workflowId(id)).toJson(true);
    Path out = file(path);
    Files.writeString(out, json);
    System.out.println("wrote " + out.toAbsolutePath());
  }

  private static Path file(String path) {
    return Path.of("workflows/src/test/resources/histories/" + path + ".json");
  }
}
