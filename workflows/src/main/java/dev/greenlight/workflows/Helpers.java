package dev.greenlight.workflows;

import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;

/**
 * Starts the threads that answer stray clicks and breaker resets beside the incident's story. The
 * SDK wakes every waiting workflow thread on each pass of the event loop, so since version 1 of
 * {@link #CHANGE_ID} a helper starts only when its signal finds none running, and ends when its
 * queue is empty; incidents started before keep both helpers waiting for their whole life.
 */
final class Helpers {
  /** The {@code Workflow.getVersion} change that starts the helpers on demand. */
  static final String CHANGE_ID = "on-demand-helpers";

  private Helpers() {}

  static void start(HumanGate gate, Rails rails) {
    if (Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == 1) {
      gate.answerStrayClicksOnDemand();
      rails.serveResetsOnDemand();
    } else {
      Async.procedure(gate::answerStrayClicks);
      Async.procedure(rails::serveResets);
    }
  }
}
