package dev.greenlight.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.worker.DevServer;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The worker's readiness: Temporal answers, or the probe says in one line that it does not. */
class TemporalProbeHealthTest {
  @Test
  void aRunningServerIsReachable() {
    try (DevServer server = DevServer.start(0)) {
      WorkflowServiceStubs stubs = stubs(server.address());
      try {
        assertThat(new TemporalProbe(stubs).check()).isEmpty();
      } finally {
        stubs.shutdownNow();
      }
    }
  }

  @Test
  void nobodyListeningIsNotReachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    WorkflowServiceStubs stubs = stubs("127.0.0.1:" + port);
    try {
      assertThat(new TemporalProbe(stubs).check())
          .hasValueSatisfying(r -> assertThat(r).startsWith("Temporal is not reachable"));
    } finally {
      stubs.shutdownNow();
    }
  }

  private static WorkflowServiceStubs stubs(String target) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
  }
}
