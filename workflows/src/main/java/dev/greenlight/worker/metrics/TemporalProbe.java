package dev.greenlight.worker.metrics;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Temporal frontend answers: one cheap call ({@code GetSystemInfo}) with a short
 * deadline. Any answer counts, even an error status: only "unavailable" and a missed deadline mean
 * that Temporal cannot be reached.
 */
public final class TemporalProbe {
  /** How long one probe waits for Temporal. */
  public static final Duration DEADLINE = Duration.ofSeconds(2);

  private final WorkflowServiceStubs stubs;

  public TemporalProbe(WorkflowServiceStubs stubs) {
    this.stubs = stubs;
  }

  /** Empty when Temporal answered; otherwise why it is not reachable, in one line. */
  public Optional<String> check() {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        return Optional.of("Temporal is not reachable (" + code + ")");
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("Temporal is not reachable (" + e.getClass().getSimpleName() + ")");
    }
  }
}
