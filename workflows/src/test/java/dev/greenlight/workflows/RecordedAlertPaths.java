package dev.greenlight.workflows;

import java.time.Duration;
import java.util.List;

/** The recorded paths that alerts drive, for {@link RecordHistories}. */
final class RecordedAlertPaths {
  private RecordedAlertPaths() {}

  /**
   * Version 1 of AlertWatch.CHANGE_ID: an alert's incident at the gate, another alert for the
   * service joins its thread (twice: told once), then the own alert resolves: the gate closes with
   * nothing run.
   */
  static void alertResolved(RecordHistories r, String id) {
    dev.greenlight.api.IncidentRequest req = r.request(id);
    RemediationWorkflow wf =
        r.client.newWorkflowStub(
            RemediationWorkflow.class,
            io.temporal.client.WorkflowOptions.newBuilder()
                .setWorkflowId(RemediationWorkflow.workflowId(id))
                .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
                .build());
    io.temporal.client.WorkflowClient.start(wf::run, oomAlerted(req));
    r.awaitOpenGate(wf);
    dev.greenlight.api.AlertNote other =
        new dev.greenlight.api.AlertNote(
            "fp2@1700000060000", "HighLatency", "checkout-api", false, 1_700_000_060_000L, "p99");
    wf.alertUpdate(other);
    wf.alertUpdate(other);
    wf.alertUpdate(
        new dev.greenlight.api.AlertNote(
            "fp1@1700000000000", "PodsOOMKilled", "checkout-api", true, 1_700_000_420_000L, null));
  }

  /**
   * Version 1 of IntakeNotice.CHANGE_ID: the alert intake starts the incident, a second alert of
   * its service joins it, the own alert resolves at the gate, and the closed incident tells the
   * intake.
   */
  static void intake(RecordHistories r, String id) {
    r.startPacemaker(Duration.ofMinutes(1));
    dev.greenlight.api.IncidentRequest req = r.request(id);
    dev.greenlight.api.IncidentRequest alerted = oomAlerted(req);
    deliver(
        r,
        new dev.greenlight.api.IntakeAlert(
            id,
            new dev.greenlight.api.AlertNote(
                "fp1@1700000000000",
                "PodsOOMKilled",
                req.service(),
                false,
                1_700_000_000_000L,
                null),
            alerted));
    RemediationWorkflow wf =
        r.client.newWorkflowStub(RemediationWorkflow.class, RemediationWorkflow.workflowId(id));
    r.awaitOpenGate(wf);
    deliver(
        r,
        new dev.greenlight.api.IntakeAlert(
            "OTHER",
            new dev.greenlight.api.AlertNote(
                "fp2@1700000060000",
                "HighLatency",
                req.service(),
                false,
                1_700_000_060_000L,
                "p99"),
            r.request("OTHER")));
    deliver(
        r,
        new dev.greenlight.api.IntakeAlert(
            id,
            new dev.greenlight.api.AlertNote(
                "fp1@1700000000000",
                "PodsOOMKilled",
                req.service(),
                true,
                1_700_000_420_000L,
                null),
            null));
  }

  /** The request as the PodsOOMKilled alert (fingerprint fp1) makes it. */
  private static dev.greenlight.api.IncidentRequest oomAlerted(
      dev.greenlight.api.IncidentRequest req) {
    return new dev.greenlight.api.IncidentRequest(
        req.incidentId(),
        req.service(),
        "PodsOOMKilled: pods OOMKilled and restarting",
        "alertmanager",
        req.channelId(),
        req.policy(),
        new dev.greenlight.api.AlertFacts(
            "alertmanager",
            "PodsOOMKilled",
            "fp1@1700000000000",
            1_700_000_000_000L,
            "restart-oom-pods",
            0));
  }

  private static void deliver(RecordHistories r, dev.greenlight.api.IntakeAlert alert) {
    dev.greenlight.intake.IntakeClient.deliver(
        r.client, new dev.greenlight.api.IntakeBatch(List.of(alert), 1, 20));
  }
}
