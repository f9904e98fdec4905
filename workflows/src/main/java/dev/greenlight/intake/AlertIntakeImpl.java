package dev.greenlight.intake;

import dev.greenlight.api.AlertNote;
import dev.greenlight.api.IntakeAlert;
import dev.greenlight.api.IntakeAnswer;
import dev.greenlight.api.IntakeAnswer.Decision;
import dev.greenlight.api.IntakeAnswer.Verdict;
import dev.greenlight.api.IntakeBatch;
import dev.greenlight.intake.IntakeState.Kind;
import dev.greenlight.workflows.RemediationWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert intake. Deliveries are decided one at a time, in the order Temporal received them, so
 * two replicas delivering at the same instant cannot both open a service's last slot. It continues
 * as new every {@link #EVENTS_PER_RUN} deliveries and closings or after {@link #RUN_LENGTH},
 * handing its book over, and each run first reconciles the book with Temporal's listing.
 */
public final class AlertIntakeImpl implements AlertIntake {
  static final int EVENTS_PER_RUN = 500;
  static final Duration RUN_LENGTH = Duration.ofDays(1);

  /** At the global cap, the book is checked against Temporal's listing at most this often. */
  static final long RECONCILE_EVERY_MILLIS = 60_000;

  /** A started incident the listing does not show yet is kept this long. */
  static final long LISTING_GRACE_MILLIS = 60_000;

  /** The failure type of a signal to a workflow that is not running. */
  static final String SIGNAL_FAILED = "SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED";

  private final IntakeActivities act =
      Workflow.newActivityStub(
          IntakeActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(20))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(200))
                      .setMaximumInterval(Duration.ofSeconds(2))
                      .setMaximumAttempts(5)
                      .build())
              .build());
  private final List<String> closedEarly = new ArrayList<>();
  private IntakeBook book;
  private boolean ready;
  private boolean busy;
  private int events;
  private long reconciledAt;

  @Override
  public void run(IntakeState state) {
    book = new IntakeBook(state == null ? IntakeState.EMPTY : state);
    closedEarly.forEach(this::close);
    reconcile();
    ready = true;
    Workflow.await(RUN_LENGTH, () -> events >= EVENTS_PER_RUN);
    Workflow.await(() -> !busy && Workflow.isEveryHandlerFinished());
    Workflow.continueAsNew(book.state());
  }

  @Override
  public IntakeAnswer deliver(IntakeBatch batch) {
    Workflow.await(() -> ready && !busy);
    busy = true;
    try {
      events++;
      List<Decision> out = new ArrayList<>();
      for (IntakeAlert a : batch.alerts()) {
        out.add(a.note().resolved() ? resolved(a) : firing(a, batch));
      }
      return new IntakeAnswer(out, book.openCount());
    } finally {
      busy = false;
    }
  }

  @Override
  public void checkDelivery(IntakeBatch batch) {
    if (batch == null || batch.alerts() == null) {
      throw new IllegalArgumentException("a delivery needs its alerts");
    }
    for (int i = 0; i < batch.alerts().size(); i++) {
      IntakeAlert a = batch.alerts().get(i);
      AlertNote n = a == null ? null : a.note();
      String missing =
          a == null || a.incidentId() == null
              ? "its incident ID"
              : n == null || n.key() == null || n.alertName() == null || n.service() == null
                  ? "its key, name and service"
                  : !n.resolved() && a.request() == null
                      ? "the incident a firing alert starts"
                      : null;
      if (missing != null) {
        throw new IllegalArgumentException("alerts[" + i + "]: missing " + missing);
      }
    }
  }

  @Override
  public void closed(String incidentId) {
    events++;
    if (book == null) {
      closedEarly.add(incidentId);
    } else {
      close(incidentId);
    }
  }

  @Override
  public List<IntakeState.Entry> audit() {
    return book == null ? List.of() : book.audit();
  }

  @Override
  public List<IntakeState.Open> open() {
    return book == null ? List.of() : book.open();
  }

  private void close(String incidentId) {
    book.open().stream()
        .filter(o -> o.incidentId().equals(incidentId))
        .findFirst()
        .ifPresent(
            o -> {
              book.closed(incidentId);
              book.record(now(), Kind.CLOSED, incidentId, o.service(), "closed");
            });
  }

  private Decision firing(IntakeAlert a, IntakeBatch batch) {
    String id = a.incidentId();
    AlertNote note = a.note();
    String service = note.service();
    if (book.isOpen(id)) {
      return new Decision(id, Verdict.REPEATED, id);
    }
    Optional<String> joined = book.joinedTo(note.key());
    if (joined.isPresent()) {
      return new Decision(id, Verdict.REPEATED, joined.get());
    }
    int perService = Math.max(1, batch.maxOpenPerService());
    while (book.openOf(service).size() >= perService) {
      String target = book.openOf(service).get(0).incidentId();
      if (tell(target, note)) {
        book.join(target, note.key());
        book.record(now(), Kind.JOINED, id, service, what(note) + " joined " + target);
        return new Decision(id, Verdict.JOINED, target);
      }
      book.closed(target);
      book.record(now(), Kind.CLOSED, target, service, "closed (found joining an alert)");
    }
    if (book.openCount() >= batch.maxOpen() && now() - reconciledAt >= RECONCILE_EVERY_MILLIS) {
      reconcile();
    }
    if (book.openCount() >= batch.maxOpen()) {
      book.record(
          now(),
          Kind.HELD_BACK,
          id,
          service,
          what(note)
              + " held back: "
              + book.openCount()
              + " alert incidents are open (max-open "
              + batch.maxOpen()
              + ")");
      return new Decision(id, Verdict.HELD_BACK, null);
    }
    book.opened(id, service, now()); // the slot is taken before the start, for the next alert
    return start(a);
  }

  private Decision start(IntakeAlert a) {
    String id = a.incidentId();
    String service = a.note().service();
    IntakeActivities.Start s;
    try {
      s = act.startAlertIncident(a.request());
    } catch (ActivityFailure e) {
      book.closed(id);
      book.record(now(), Kind.NOTE, id, service, "could not start: " + e.getCause().getMessage());
      // The delivery fails (the sender retries it); what was decided before stands, and a retry
      // finds those alerts as repeats.
      throw ApplicationFailure.newFailure("could not start incident " + id, "IntakeStartFailed");
    }
    switch (s) {
      case STARTED -> {
        book.record(now(), Kind.STARTED, id, service, what(a.note()) + " started " + id);
        return new Decision(id, Verdict.STARTED, id);
      }
      case RUNNING -> {
        book.record(now(), Kind.FOUND, id, service, "already open");
        return new Decision(id, Verdict.REPEATED, id);
      }
      default -> {
        book.closed(id); // this firing had its incident; it is over
        return new Decision(id, Verdict.REPEATED, id);
      }
    }
  }

  private Decision resolved(IntakeAlert a) {
    String id = a.incidentId();
    AlertNote note = a.note();
    Optional<String> target =
        book.isOpen(id) ? Optional.of(id) : book.joinedTo(note.key()).or(() -> Optional.of(id));
    if (tell(target.get(), note)) {
      book.unjoin(target.get(), note.key());
      if (book.isOpen(target.get())) {
        book.record(now(), Kind.RESOLVED, id, note.service(), what(note) + " told " + target.get());
      }
      return new Decision(id, Verdict.RESOLVED, target.get());
    }
    close(target.get());
    return new Decision(id, Verdict.IGNORED, null);
  }

  /** Signals an incident; false when it is closed or was never started. */
  private static boolean tell(String incidentId, AlertNote note) {
    try {
      Workflow.newExternalWorkflowStub(
              RemediationWorkflow.class, RemediationWorkflow.workflowId(incidentId))
          .alertUpdate(note);
      return true;
    } catch (SignalExternalWorkflowException e) {
      return false;
    } catch (ApplicationFailure e) {
      // How the SDK reports the server's answer: the incident is closed or was never started.
      if (e.getType() != null && e.getType().startsWith(SIGNAL_FAILED)) {
        return false;
      }
      throw e;
    }
  }

  private void reconcile() {
    reconciledAt = now();
    try {
      book.reconcile(act.listOpenAlertIncidents(), now(), LISTING_GRACE_MILLIS);
    } catch (ActivityFailure e) {
      book.record(now(), Kind.NOTE, null, null, "could not list: " + e.getCause().getMessage());
    }
  }

  private static String what(AlertNote note) {
    return note.alertName().replaceAll("\\p{Cntrl}", "?") + " (" + note.key() + ")";
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
