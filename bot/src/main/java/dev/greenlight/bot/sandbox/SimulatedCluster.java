package dev.greenlight.bot.sandbox;

import dev.greenlight.action.kubernetes.KubeClients;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Kubernetes cluster for the sandbox: fabric8's mock API server's CRUD dispatcher
 * behind the JDK's HTTP server on 127.0.0.1 (plain HTTP, no credentials), with {@link
 * SimulatedController} keeping the demo Deployment {@value #SERVICE} in namespace {@value
 * #NAMESPACE} crashlooping until it is restarted, and marking rollouts complete. Nothing real is
 * ever changed.
 */
public final class SimulatedCluster implements AutoCloseable {
  /** The demo service that runs in the simulated cluster. */
  public static final String SERVICE = "orders-api";

  public static final String NAMESPACE = "simulated";

  private static final Logger log = LoggerFactory.getLogger(SimulatedCluster.class);

  private final ClusterHttp server;
  private final ClusterDispatcher dispatcher;
  private final KubernetesClient client;
  private final ScheduledExecutorService loop;
  private final List<java.util.concurrent.CountDownLatch> releases =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private SimulatedCluster(
      ClusterHttp server, ClusterDispatcher dispatcher, KubernetesClient client) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.client = client;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "simulated-cluster");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the API server on a free loopback port, seeds the demo Deployment, runs the loop. */
  public static SimulatedCluster start() {
    ClusterDispatcher dispatcher = new ClusterDispatcher();
    ClusterHttp server;
    try {
      server = ClusterHttp.start(dispatcher);
    } catch (IOException e) {
      throw new UncheckedIOException("the simulated Kubernetes API could not start", e);
    }
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(server.url())
            .withNamespace(NAMESPACE)
            .withTrustCerts(true)
            .build();
    KubernetesClient client = KubeClients.build(config);
    SimulatedCluster cluster = new SimulatedCluster(server, dispatcher, client);
    cluster.seed(2);
    SimulatedController controller = new SimulatedController(client, NAMESPACE);
    controller.reconcile();
    cluster.loop.scheduleWithFixedDelay(
        () -> {
          try {
            controller.reconcile();
          } catch (RuntimeException e) {
            log.debug("Simulated controller pass failed: {}", e.getMessage());
          }
        },
        500,
        500,
        TimeUnit.MILLISECONDS);
    log.info(
        "Simulated Kubernetes API on {} (deployment {} in {})",
        client.getMasterUrl(),
        SERVICE,
        NAMESPACE);
    return cluster;
  }

  private void seed(int replicas) {
    Deployment d =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(SERVICE)
            .withNamespace(NAMESPACE)
            .addToAnnotations("deployment.kubernetes.io/revision", "1")
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .addToMatchLabels("app", SERVICE)
            .endSelector()
            .withNewStrategy()
            .withType("RollingUpdate")
            .endStrategy()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", SERVICE)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("demo/orders:2.4.1")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    client.apps().deployments().inNamespace(NAMESPACE).resource(d).create();
  }

  /** The kubernetes kinds' clients: this cluster for every context. */
  public KubeClients clients() {
    return KubeClients.of(client);
  }

  /** A client of this cluster (for tests and the page's status). */
  public KubernetesClient client() {
    return client;
  }

  /** The demo Deployment as it stands. */
  public Deployment deployment() {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(SERVICE).get();
  }

  /** Every request the API server received, as {@code METHOD path}, with its body. */
  public List<String> requests() {
    return dispatcher.requests().stream()
        .map(r -> r.method() + " " + r.path() + (r.body().isEmpty() ? "" : " " + r.body()))
        .toList();
  }

  /** Refuses every {@code method} on the demo Deployment with 403, as a missing RBAC verb would. */
  public void forbid(String method, String verb) {
    dispatcher.refuse(
        r -> r.method().equals(method) && r.resource().endsWith("/deployments/" + SERVICE),
        "deployments.apps \""
            + SERVICE
            + "\" is forbidden: User \"system:serviceaccount:greenlight:greenlight\" cannot "
            + verb
            + " resource \"deployments\" in API group \"apps\" in the namespace \""
            + NAMESPACE
            + "\"");
  }

  /** Lifts every {@link #forbid}. */
  public void allowAll() {
    dispatcher.allowAll();
  }

  /**
   * The next {@code method} request (not a dry run) on a path ending with {@code pathEnd} is
   * applied, then answered 500: its reply is lost and the action is retried.
   */
  public void loseReplyOnce(String method, Predicate<String> path) {
    dispatcher.failOnceAfterApplying(
        r -> r.method().equals(method) && !r.dryRun() && path.test(r.resource()));
  }

  /**
   * The next {@code method} request (not a dry run) on a path {@code path} accepts is applied, and
   * its reply held back (as a worker killed before it heard the answer would never hear it); the
   * latch counts down when it arrives. {@link #close} releases it.
   */
  public java.util.concurrent.CountDownLatch holdReplyOnce(String method, Predicate<String> path) {
    var reached = new java.util.concurrent.CountDownLatch(1);
    var released = new java.util.concurrent.CountDownLatch(1);
    releases.add(released);
    dispatcher.holdOnce(
        new ClusterDispatcher.Held(
            r -> r.method().equals(method) && !r.dryRun() && path.test(r.resource()),
            reached,
            released));
    return reached;
  }

  /** The API server's URL, for a kubeconfig. */
  public String url() {
    return server.url();
  }

  @Override
  public void close() {
    releases.forEach(java.util.concurrent.CountDownLatch::countDown);
    loop.shutdownNow();
    client.close();
    server.close();
  }
}
