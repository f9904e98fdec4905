package dev.greenlight.bot.slack;

import dev.greenlight.api.AuditEntry;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import dev.greenlight.api.GateView;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.IncidentResult;
import dev.greenlight.api.IncidentSummary;
import dev.greenlight.api.Refusal;
import dev.greenlight.workflows.RemediationWorkflow;
import io.grpc.ConnectivityState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's only Temporal client: starts incidents, sends decisions, reads timelines. It turns
 * Temporal's exceptions into Greenlight outcomes, so the Slack handlers never see Temporal types.
 *
 * <p>Clicks only signal: Temporal stores a signal even while no worker runs, and the workflow
 * checks it when a worker picks it up. The queries left ({@link #audit}, {@link #summary}, {@link
 * #open}) are for {@code /remediate audit}, {@code list}, {@code status} and the App Home, never
 * for a click.
 *
 * <p>Every call on Slack's ack path (start, signal, breaker reset, audit, status) is bounded by
 * {@link AckDeadline}, and the listing by its own view budget: with Temporal unreachable the person
 * is told so within Slack's 3 s, and no bot thread waits out the SDK's minute of retries.
 */
public final class IncidentClient implements Incidents {
  /** How long a start or signal left running past the ack may still take. */
  static final Duration LATE_LIMIT = Duration.ofSeconds(30);

  /** How long reading an ended incident's result may take (it is closed: one history read). */
  private static final Duration RESULT_BUDGET = Duration.ofSeconds(2);

  /** How long the views wait for the open incidents' summaries (a query each, in parallel). */
  private static final Duration VIEW_BUDGET = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(IncidentClient.class);

  private final WorkflowClient temporal;
  private final AckDeadline deadline;
  private final boolean inMemory;
  private final ExecutorService background =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "greenlight-temporal");
            t.setDaemon(true);
            return t;
          });

  /** A client of a durable Temporal, each ack-path call bounded by {@link AckDeadline#BUDGET}. */
  public IncidentClient(WorkflowClient temporal) {
    this(temporal, false);
  }

  /**
   * @param inMemory whether the server keeps its state in memory only (the embedded server, {@code
   *     greenlight dev-server}): an incident it does not know was then likely lost in a restart
   */
  public IncidentClient(WorkflowClient temporal, boolean inMemory) {
    this(temporal, inMemory, AckDeadline.BUDGET);
  }

  IncidentClient(WorkflowClient temporal, boolean inMemory, Duration ackBudget) {
    this.temporal = temporal;
    this.inMemory = inMemory;
    this.deadline =
        new AckDeadline(
            ackBudget,
            () ->
                temporal.getWorkflowServiceStubs().getRawChannel().getState(false)
                    == ConnectivityState.READY);
  }

  /**
   * Makes the first ack-path call as quick as the next: connects to Temporal and loads what a start
   * and a signal serialize with. A cold bot's first start took over 1.5 s on a busy machine. Best
   * effort: a failure is logged and the bot starts anyway.
   */
  public void warmUp(IncidentRequest sample) {
    try {
      deadline.run(
          () -> {
            temporal.getOptions().getDataConverter().toPayloads(sample);
            temporal
                .getOptions()
                .getDataConverter()
                .toPayloads(new Decision(Decision.Verdict.APPROVE, "U0", "n"));
            return temporal
                .getWorkflowServiceStubs()
                .blockingStub()
                .getSystemInfo(
                    io.temporal.api.workflowservice.v1.GetSystemInfoRequest.getDefaultInstance());
          });
    } catch (RuntimeException e) {
      log.warn("Temporal did not answer the bot's first call: {}", e.getMessage());
    }
  }

  @Override
  public StartResult start(IncidentRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(RemediationWorkflow.workflowId(request.incidentId()))
            .setTaskQueue(RemediationWorkflow.TASK_QUEUE)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    try {
      deadline.runOrContinue(
          () ->
              WorkflowClient.start(
                  temporal.newWorkflowStub(RemediationWorkflow.class, options)::run, request),
          LATE_LIMIT);
      return StartResult.STARTED;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return StartResult.ALREADY_STARTED;
    } catch (AckDeadline.Exceeded e) {
      if (e.stillRunning() == null) {
        log.error("Could not start incident {}: {}", request.incidentId(), e.getMessage());
        throw new TemporalUnreachable(e);
      }
      log.warn("Temporal is slow: incident {} still being started", request.incidentId());
      throw new TemporalUnreachable(
          e,
          e.stillRunning()
              .handle(
                  (ok, t) -> {
                    Throwable cause = t instanceof CompletionException c ? c.getCause() : t;
                    boolean went =
                        cause == null || cause instanceof WorkflowExecutionAlreadyStarted;
                    log.info(
                        "Late start of {}: {}", request.incidentId(), went ? "started" : cause);
                    return went;
                  }));
    } catch (RuntimeException e) {
      log.error("Could not start incident {}", request.incidentId(), e);
      throw new TemporalUnreachable(e);
    }
  }

  @Override
  public SignalResult signal(String workflowId, Decision decision) {
    return deliver(
        workflowId, decision.verdict().toString(), () -> stub(workflowId).decide(decision));
  }

  @Override
  public List<String> decidedBy(String workflowId) {
    try {
      GateView g =
          temporal
              .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
              .getResult(RESULT_BUDGET.toMillis(), TimeUnit.MILLISECONDS, IncidentResult.class)
              .gate();
      return g.rejectedBy() != null ? List.of(g.rejectedBy()) : g.approvals();
    } catch (Exception e) {
      log.info("Could not read how {} ended: {}", workflowId, e.getMessage());
      return List.of();
    }
  }

  @Override
  public void noteRefusal(String workflowId, Decision decision, Refusal refusal) {
    // Sent in the background: the click is acked without waiting for it.
    background.execute(
        () -> {
          try {
            stub(workflowId).noteRefusal(decision, refusal.reason());
          } catch (RuntimeException e) {
            log.info("Could not note a refused click on {}: {}", workflowId, e.getMessage());
          }
        });
  }

  @Override
  public Optional<List<AuditEntry>> audit(String incidentId) {
    try {
      return Optional.of(
          deadline.run(() -> stub(RemediationWorkflow.workflowId(incidentId)).audit()));
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      if (e.getCause() instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw new TemporalUnreachable(e);
    }
  }

  @Override
  public SignalResult resetBreaker(String workflowId, String userId, CardRef card, String clickId) {
    return deliver(
        workflowId, "a breaker reset", () -> stub(workflowId).resetBreaker(userId, card, clickId));
  }

  /**
   * Sends one signal within the ack's budget: delivered, the incident closed, still on its way
   * (Temporal connected but slow; it goes on for up to {@link #LATE_LIMIT}), or not delivered.
   */
  private SignalResult deliver(String workflowId, String what, Runnable send) {
    try {
      deadline.runOrContinue(
          () -> {
            send.run();
            return null;
          },
          LATE_LIMIT);
      return SignalResult.DELIVERED;
    } catch (WorkflowNotFoundException e) {
      log.info("{} for {}, which is closed", what, workflowId);
      return SignalResult.INCIDENT_CLOSED;
    } catch (AckDeadline.Exceeded e) {
      if (e.stillRunning() != null) {
        log.warn("Temporal is slow: {} to {} still being delivered", what, workflowId);
        return SignalResult.PENDING;
      }
      log.error("Could not signal {} to {}: {}", what, workflowId, e.getMessage());
      return SignalResult.UNREACHABLE;
    } catch (RuntimeException e) {
      log.error("Could not signal {} to {}", what, workflowId, e);
      return SignalResult.UNREACHABLE;
    }
  }

  /**
   * Lists the open incidents ({@link OpenIncidents}), then asks each for its summary, all at once
   * and within {@link #VIEW_BUDGET}; an incident that does not answer in time is left out.
   */
  @Override
  public List<IncidentSummary> open(int limit) {
    List<String> ids;
    try {
      ids = OpenIncidents.workflowIds(temporal, limit);
    } catch (RuntimeException e) {
      throw new TemporalUnreachable(e);
    }
    return OpenIncidents.stillOpen(ids, id -> stub(id).summary(), background, VIEW_BUDGET);
  }

  @Override
  public Optional<IncidentSummary> summary(String incidentId) {
    try {
      return Optional.ofNullable(
          deadline.run(() -> stub(RemediationWorkflow.workflowId(incidentId)).summary()));
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      if (e.getCause() instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw new TemporalUnreachable(e);
    }
  }

  @Override
  public boolean unknown(String workflowId) {
    try {
      deadline.run(() -> OpenIncidents.describe(temporal, workflowId));
      return false;
    } catch (RuntimeException e) {
      if (OpenIncidents.notFound(e)) {
        return true;
      }
      log.info("Could not tell whether {} is known: {}", workflowId, e.getMessage());
      return false;
    }
  }

  @Override
  public String unknownText(String incidentId, boolean fromCard) {
    return LostIncident.text(incidentId, inMemory, fromCard);
  }

  private RemediationWorkflow stub(String workflowId) {
    return temporal.newWorkflowStub(RemediationWorkflow.class, workflowId);
  }

  /** The Temporal calls of incidents alerts start (keep one: it caches what it read). */
  public AlertIncidents alerts() {
    return new AlertIncidents(temporal);
  }
}
