package dev.greenlight.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.api.Decision;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.bot.slack.Incidents.SignalResult;
import dev.greenlight.config.ConfigLoader;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With Temporal unreachable (a closed port) or hung (a port that accepts and never answers), every
 * call on the ack path answers within its budget, well under Slack's 3 s; the SDK alone would retry
 * for about a minute.
 */
class TemporalOutageDeadlineTest {
  /**
   * The ack path's budget ({@link AckDeadline#BUDGET}, 2 s) plus room for a loaded CI machine; the
   * SDK alone would take about a minute, so a call that returns in this time was cut off by the
   * budget. That the budget is under Slack's 3 s is {@code AckDeadline}'s own constant.
   */
  private static final long WITHIN_MILLIS = AckDeadline.BUDGET.toMillis() + 2_000;

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private IncidentClient clientOf(int port) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    open.add(stubs::shutdownNow);
    return new IncidentClient(WorkflowClient.newInstance(stubs), true);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A port that accepts connections and never says a word. */
  private int blackHole() throws Exception {
    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    open.add(s);
    Thread t =
        new Thread(
            () -> {
              List<Socket> held = new ArrayList<>();
              while (!s.isClosed()) {
                try {
                  held.add(s.accept());
                } catch (Exception e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return s.getLocalPort();
  }

  private static long millis(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void aClosedPortIsAnsweredUnreachableWithinTheBudget() throws Exception {
    IncidentClient client = clientOf(closedPort());
    IncidentRequest down = request("GL-DOWN0001");

    long start =
        millis(
            () ->
                assertThatThrownBy(() -> client.start(down))
                    .isInstanceOfSatisfying(
                        TemporalUnreachable.class,
                        e -> {
                          assertThat(e.inDoubt()).isFalse();
                          assertThat(e.startAnswer("GL-DOWN0001"))
                              .startsWith(":warning: Greenlight cannot reach Temporal (")
                              .contains("nothing was started");
                        }));
    long signal =
        millis(
            () ->
                assertThat(client.signal("incident-GL-DOWN0001", approval()))
                    .isEqualTo(SignalResult.UNREACHABLE));
    long audit =
        millis(
            () ->
                assertThatThrownBy(() -> client.audit("GL-DOWN0001"))
                    .isInstanceOf(TemporalUnreachable.class));

    assertThat(List.of(start, signal, audit))
        .allSatisfy(t -> assertThat(t).isLessThan(WITHIN_MILLIS));
  }

  @Test
  void aServerThatNeverCompletesTheConnectionIsCutOffAtTheBudget() throws Exception {
    IncidentClient client = clientOf(blackHole());
    IncidentRequest hung = request("GL-HUNG0001");

    long start =
        millis(
            () ->
                assertThatThrownBy(() -> client.start(hung))
                    .isInstanceOfSatisfying(
                        TemporalUnreachable.class,
                        // gRPC sends nothing before the connection is up: nothing was started.
                        e -> {
                          assertThat(e.inDoubt()).isFalse();
                          assertThat(e.startAnswer("GL-HUNG0001")).contains("nothing was started");
                        }));
    long signal =
        millis(
            () ->
                assertThat(client.signal("incident-GL-HUNG0001", approval()))
                    .isEqualTo(SignalResult.UNREACHABLE));

    assertThat(List.of(start, signal)).allSatisfy(t -> assertThat(t).isLessThan(WITHIN_MILLIS));
  }

  @Test
  void aConnectedServerThatDoesNotAnswerInTimeLeavesTheOutcomeInDoubt() {
    var temporal = dev.greenlight.worker.TemporalConnection.connect(java.util.Map.of());
    open.add(temporal);
    IncidentClient client = new IncidentClient(temporal.client(), true);
    assertThat(client.start(request("GL-SLOW0001"))).isEqualTo(Incidents.StartResult.STARTED);

    // No worker runs, so the timeline's query waits for one: cut off, and connected all along.
    long audit =
        millis(
            () ->
                assertThatThrownBy(() -> client.audit("GL-SLOW0001"))
                    .isInstanceOfSatisfying(
                        TemporalUnreachable.class,
                        e -> {
                          assertThat(e.inDoubt()).isTrue();
                          assertThat(e.startAnswer("GL-SLOW0001"))
                              .contains("may or may not have started", "/remediate audit");
                        }));
    assertThat(audit).isLessThan(WITHIN_MILLIS);
  }

  private static Decision approval() {
    return new Decision(Decision.Verdict.APPROVE, "U0ALICE", "nonce");
  }

  private static IncidentRequest request(String incidentId) {
    return new IncidentRequest(
        incidentId,
        "checkout-api",
        "pods OOMKilled",
        "U0DAVE",
        "C0OPS",
        ConfigLoader.loadDemo().policySnapshot());
  }
}
