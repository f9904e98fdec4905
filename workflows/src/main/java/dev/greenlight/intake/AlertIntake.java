package dev.greenlight.intake;

import dev.greenlight.api.IntakeAnswer;
import dev.greenlight.api.IntakeBatch;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Storm control as a workflow decision: one long-lived intake per namespace receives every alert
 * (an update per delivery, sent with update-with-start, so whichever bot replica receives it, the
 * first creates the intake) and decides, one delivery at a time, whether each firing starts its
 * incident, joins the thread of its service's oldest open incident, or is held back by the global
 * cap. It starts the incidents itself (an activity, {@code REJECT_DUPLICATE} on the firing's
 * incident ID) and they tell it when they close.
 */
@WorkflowInterface
public interface AlertIntake {
  /** The intake's workflow ID: one for the whole namespace, so both caps are exact. */
  String WORKFLOW_ID = "alert-intake";

  @WorkflowMethod
  void run(IntakeState state);

  /** The alerts of one delivery; the answer says what became of each. */
  @UpdateMethod
  IntakeAnswer deliver(IntakeBatch batch);

  /**
   * Refuses a malformed batch before it enters the intake's history (a firing alert without the
   * incident it would start, an alert without its key, name or service), naming what is missing.
   */
  @UpdateValidatorMethod(updateName = "deliver")
  void checkDelivery(IntakeBatch batch);

  /** An incident the intake started has closed: its slot is free. */
  @SignalMethod
  void closed(String incidentId);

  /** The intake's decisions, oldest first (the latest {@link IntakeState#KEPT}). */
  @QueryMethod
  List<IntakeState.Entry> audit();

  /** The open alert incidents the intake counts, oldest first. */
  @QueryMethod
  List<IntakeState.Open> open();
}
