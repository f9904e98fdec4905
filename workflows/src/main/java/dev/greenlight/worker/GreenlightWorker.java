package dev.greenlight.worker;

import dev.greenlight.action.ActionKinds;
import dev.greenlight.action.HttpActionExecutor;
import dev.greenlight.action.HttpVerifier;
import dev.greenlight.action.argo.ArgoActionExecutor;
import dev.greenlight.action.argo.ArgoServers;
import dev.greenlight.action.argo.ArgoVerifier;
import dev.greenlight.action.kubernetes.KubeClients;
import dev.greenlight.action.kubernetes.KubernetesActionExecutor;
import dev.greenlight.action.kubernetes.KubernetesRolloutVerifier;
import dev.greenlight.activities.ClassifyActivitiesImpl;
import dev.greenlight.activities.DirectoryActivities;
import dev.greenlight.activities.NotificationActivities;
import dev.greenlight.activities.RemediationActivitiesImpl;
import dev.greenlight.classify.Calibration;
import dev.greenlight.classify.CombinedClassifier;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.classify.LocalClassifier;
import dev.greenlight.classify.OpenAiChatClassifier;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.intake.AlertIntakeImpl;
import dev.greenlight.rails.BreakerWorkflow;
import dev.greenlight.rails.BreakerWorkflowImpl;
import dev.greenlight.rails.RailsActivitiesImpl;
import dev.greenlight.workflows.ArgoGateWorkflowImpl;
import dev.greenlight.workflows.RemediationWorkflow;
import dev.greenlight.workflows.RemediationWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker: hosts the workflow and every activity on {@link RemediationWorkflow#TASK_QUEUE}, and
 * the circuit breakers on {@link BreakerWorkflow#TASK_QUEUE}. Breakers started before they had
 * their own queue stay registered on the incidents' queue until they move (at their next run).
 */
public final class GreenlightWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GreenlightWorker.class);
  static final int BREAKER_TASK_SLOTS = 10;

  private final WorkerFactory factory;
  private final ArgoGateWiring argoGates;

  private GreenlightWorker(WorkerFactory factory, ArgoGateWiring argoGates) {
    this.factory = factory;
    this.argoGates = argoGates;
  }

  /**
   * Loads the model once, registers everything and starts polling, with the built-in action kinds
   * ({@link #actionKinds}). {@code notifications} and {@code directory} are the Slack side,
   * supplied by the bot module.
   *
   * @throws dev.greenlight.config.ConfigException before anything is registered, when a runbook
   *     names an action or verify type this worker cannot run
   */
  public static GreenlightWorker start(
      TemporalConnection temporal,
      GreenlightConfig config,
      NotificationActivities notifications,
      DirectoryActivities directory) {
    return start(
        temporal,
        config,
        notifications,
        directory,
        actionKinds(config, System.getenv(), new OkHttpClient()));
  }

  /**
   * As {@link #start(TemporalConnection, GreenlightConfig, NotificationActivities,
   * DirectoryActivities)}, with the given action and verify kinds.
   */
  public static GreenlightWorker start(
      TemporalConnection temporal,
      GreenlightConfig config,
      NotificationActivities notifications,
      DirectoryActivities directory,
      ActionKinds kinds) {
    // First, so a catalog naming a kind without an implementation stops the worker before the
    // model loads.
    RemediationActivitiesImpl remediation = new RemediationActivitiesImpl(config, kinds);
    WorkerTuning tuning =
        WorkerTuning.fromEnv(System.getenv(), temporal.serverKind().stickyExecution());
    long t0 = System.nanoTime();
    CombinedClassifier classifier = classifier(config, System.getenv());
    log.info(
        "Classifier ready: mode {}, {} ({} ms)",
        classifier.mode(),
        EmbeddingClassifier.MODEL,
        (System.nanoTime() - t0) / 1_000_000);
    if (config.visibility().searchAttributes() && temporal.serverKind() != ServerKind.CLUSTER) {
      SearchAttributeRegistration.register(temporal.client());
    }
    WorkerFactory factory = WorkerFactory.newInstance(temporal.client(), tuning.factoryOptions());
    Worker worker =
        factory.newWorker(RemediationWorkflow.TASK_QUEUE, options(temporal.serverKind(), tuning));
    worker.registerWorkflowImplementationTypes(
        RemediationWorkflowImpl.class,
        BreakerWorkflowImpl.class,
        AlertIntakeImpl.class,
        ArgoGateWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new ClassifyActivitiesImpl(classifier),
        remediation,
        notifications,
        directory,
        new RailsActivitiesImpl(temporal.client()),
        new IntakeActivitiesImpl(temporal.client()));
    ArgoGateWiring argoGates = ArgoGateWiring.register(worker, config, System.getenv());
    factory
        .newWorker(BreakerWorkflow.TASK_QUEUE, breakerOptions(temporal.serverKind()))
        .registerWorkflowImplementationTypes(BreakerWorkflowImpl.class);
    factory.start();
    log.info(
        "Worker polling task queues '{}' ({}) and '{}'",
        RemediationWorkflow.TASK_QUEUE,
        tuning,
        BreakerWorkflow.TASK_QUEUE);
    argoGates.startWatching(temporal.client(), RemediationWorkflow.TASK_QUEUE);
    return new GreenlightWorker(factory, argoGates);
  }

  /** The action and verify kinds every worker has: {@code http}. */
  public static ActionKinds actionKinds(OkHttpClient http) {
    return kinds(http).build();
  }

  /**
   * Every built-in kind for this catalog: {@code http}, {@code kubernetes} (and the {@code
   * kubernetes-rollout} check), and {@code argo} reaching the catalog's Argo Servers with the
   * tokens their {@code token-env} variables hold in {@code env}.
   *
   * @throws dev.greenlight.config.ConfigException when an Argo runbook names an unknown server, or
   *     a server's token variable is unset
   */
  public static ActionKinds actionKinds(
      GreenlightConfig config, Map<String, String> env, OkHttpClient http) {
    // Kubernetes clients are made lazily, from fabric8's own configuration (in-cluster service
    // account, KUBECONFIG, ~/.kube/config): nothing contacts a cluster at start.
    return actionKinds(config, env, http, KubeClients.fromEnvironment());
  }

  /**
   * As {@link #actionKinds(GreenlightConfig, Map, OkHttpClient)}, with these Kubernetes clients.
   */
  public static ActionKinds actionKinds(
      GreenlightConfig config, Map<String, String> env, OkHttpClient http, KubeClients kube) {
    ArgoServers argo = ArgoServers.from(config.argo(), env, http);
    argo.requireAll(config.runbooks());
    return kinds(http)
        .executor(new ArgoActionExecutor(argo))
        .verifier(new ArgoVerifier(argo))
        .executor(new KubernetesActionExecutor(kube))
        .verifier(new KubernetesRolloutVerifier(kube))
        .build();
  }

  private static ActionKinds.Builder kinds(OkHttpClient http) {
    return ActionKinds.builder()
        .executor(new HttpActionExecutor(http))
        .verifier(new HttpVerifier(http));
  }

  /**
   * The configured classifier: the local model always (it is the fallback), plus the LLM in {@code
   * llm} and {@code both} modes. The API key is read from the environment variable the config names
   * and never logged.
   */
  public static CombinedClassifier classifier(GreenlightConfig config, Map<String, String> env) {
    ClassifierSettings settings = config.classifier().withEnvironment(env);
    LocalClassifier local =
        new LocalClassifier(
            new EmbeddingClassifier(config.runbooks(), settings.local()),
            LocalClassifier.Strategy.parse(settings.strategy()),
            Calibration.configured(settings),
            config.policy().minSimilarity(),
            LocalClassifier.Tuning.of(settings.local()));
    OpenAiChatClassifier llm = null;
    if (settings.usesLlm()) {
      String key = env.get(settings.apiKeyEnv());
      llm = new OpenAiChatClassifier(settings, key, config.runbooks(), new OkHttpClient());
      log.info(
          "LLM classifier: {} (API key {})",
          llm.model(),
          key == null || key.isBlank() ? "not set" : "set");
    }
    return new CombinedClassifier(config, settings.mode(), local, llm);
  }

  /**
   * Sticky execution as {@link ServerKind#stickyExecution} decides: off against a standalone dev
   * server (the SDK's test server never moves a workflow task off a dead worker's sticky queue, and
   * a zero timeout makes the SDK send no sticky attributes), on against the embedded one (it dies
   * with this worker) and against a real cluster.
   */
  static WorkerOptions options(ServerKind server) {
    return options(server, WorkerTuning.DEFAULT);
  }

  /**
   * As {@link #options(ServerKind)}, with the task slots and pollers of {@code tuning}; public so
   * that the benchmark's floor runs its workflow with exactly these options.
   */
  public static WorkerOptions options(ServerKind server, WorkerTuning tuning) {
    WorkerOptions.Builder b = tuning.apply(WorkerOptions.newBuilder());
    if (!server.stickyExecution()) {
      b.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    return b.build();
  }

  /**
   * The breakers' queue: few workflows, short tasks (a signal, a query), so a few slots and two
   * pollers of their own, apart from the incidents' slots that an incident's local rails check
   * holds while it queries its breaker.
   */
  static WorkerOptions breakerOptions(ServerKind server) {
    return options(server, new WorkerTuning(1, 1, BREAKER_TASK_SLOTS, 2));
  }

  @Override
  public void close() {
    argoGates.close();
    factory.shutdown();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
