package dev.greenlight.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The dev server has no authentication, so by default it listens on loopback only (the SDK's own
 * port-bound test server listens on every interface), and a client reaches it there.
 */
class DevServerListensOnLoopbackTest {

  @Test
  void byDefaultOnlyThisMachineCanReachIt() throws Exception {
    try (DevServer server = DevServer.start(0)) {
      assertThat(server.loopbackOnly()).isTrue();
      assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
      assertThat(server.listening())
          .isNotEmpty()
          .allSatisfy(
              a -> assertThat(((InetSocketAddress) a).getAddress().isLoopbackAddress()).isTrue());

      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
      try {
        WorkflowClient client = WorkflowClient.newInstance(stubs);
        assertThat(client.getWorkflowServiceStubs().healthCheck().getStatus().name())
            .isEqualTo("SERVING");
      } finally {
        stubs.shutdownNow();
      }
    }
  }
}
