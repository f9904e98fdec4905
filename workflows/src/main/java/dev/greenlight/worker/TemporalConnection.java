package dev.greenlight.worker;

import com.uber.m3.tally.Scope;
import dev.greenlight.worker.metrics.TemporalMetrics;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.workflowservice.v1.GetClusterInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to Temporal. Settings come from temporal-envconfig ({@code TEMPORAL_ADDRESS}, {@code
 * TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, TLS, {@code TEMPORAL_PROFILE} and the config
 * file). Without {@code TEMPORAL_ADDRESS} an embedded dev server is started in-process.
 */
public final class TemporalConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TemporalConnection.class);

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final DevServer embedded;
  private final ServerKind kind;
  private final Scope metrics;

  private TemporalConnection(
      WorkflowServiceStubs stubs,
      WorkflowClient client,
      DevServer embedded,
      ServerKind kind,
      Scope metrics) {
    this.stubs = stubs;
    this.client = client;
    this.embedded = embedded;
    this.kind = kind;
    this.metrics = metrics;
  }

  /** Connects as the environment says, starting an embedded dev server when no address is set. */
  public static TemporalConnection connect(Map<String, String> env) {
    return connect(env, null);
  }

  /**
   * As {@link #connect(Map)}, with the SDK's own metrics (requests, polls, task latencies, worker
   * slots) reported into {@code meters}; null reports nowhere.
   */
  public static TemporalConnection connect(Map<String, String> env, MeterRegistry meters) {
    ClientConfigProfile profile;
    try {
      profile =
          ClientConfigProfile.load(
              LoadClientConfigProfileOptions.newBuilder().setEnvOverrides(env).build());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Temporal connection settings are invalid: " + e.getMessage(), e);
    }
    DevServer embedded = null;
    String address = env.get("TEMPORAL_ADDRESS");
    if (address == null || address.isBlank()) {
      embedded = DevServer.start(0);
      log.warn(
          "TEMPORAL_ADDRESS is not set: started an embedded Temporal dev server on {}. Its state lives in"
              + " memory and is lost when this process stops.",
          embedded.address());
      profile = profile.toBuilder().setAddress(embedded.address()).build();
    }
    Scope metrics = meters == null ? null : TemporalMetrics.scope(meters);
    WorkflowServiceStubsOptions options = profile.toWorkflowServiceStubsOptions();
    if (metrics != null) {
      options = WorkflowServiceStubsOptions.newBuilder(options).setMetricsScope(metrics).build();
    }
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(options);
    WorkflowClient client = WorkflowClient.newInstance(stubs, profile.toWorkflowClientOptions());
    ServerKind kind = kind(embedded != null, embedded == null && isDevServer(stubs));
    log.info(
        "Temporal: {} namespace {} ({}: sticky execution {})",
        options.getTarget(),
        client.getOptions().getNamespace(),
        kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
        kind.stickyExecution() ? "on" : "off");
    return new TemporalConnection(stubs, client, embedded, kind, metrics);
  }

  /**
   * The server's kind: an embedded server is the SDK's test server in this process, whatever else
   * is known; a server at an address is the test server when it lacks GetClusterInfo.
   */
  static ServerKind kind(boolean embeddedHere, boolean testServerAtAddress) {
    if (embeddedHere) {
      return ServerKind.EMBEDDED;
    }
    return testServerAtAddress ? ServerKind.DEV_SERVER : ServerKind.CLUSTER;
  }

  /**
   * The SDK's test server (what {@code dev-server} runs) does not implement GetClusterInfo; a real
   * cluster does. It also never moves tasks off a dead worker's sticky queue, hence the check
   * (needed only for a server at an address: an embedded one is known to be the test server).
   */
  private static boolean isDevServer(WorkflowServiceStubs stubs) {
    try {
      stubs.blockingStub().getClusterInfo(GetClusterInfoRequest.getDefaultInstance());
      return false;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }
  }

  public WorkflowClient client() {
    return client;
  }

  /**
   * The address of the dev server this connection started in this process, when {@code
   * TEMPORAL_ADDRESS} was not set; empty when it connected to a server elsewhere.
   */
  public java.util.Optional<String> embeddedAddress() {
    return java.util.Optional.ofNullable(embedded).map(DevServer::address);
  }

  /** What kind of server this is, which decides sticky execution ({@link ServerKind}). */
  public ServerKind serverKind() {
    return kind;
  }

  @Override
  public void close() {
    stubs.shutdown();
    if (embedded != null) {
      embedded.close();
    }
    if (metrics != null) {
      try {
        metrics.close();
      } catch (com.uber.m3.tally.ScopeCloseException e) {
        log.debug("Temporal metrics scope did not close cleanly: {}", e.getMessage());
      }
    }
  }
}
