package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.greenlight.config.KubernetesOperation.DeletePods;
import dev.greenlight.config.KubernetesOperation.RunJob;
import dev.greenlight.config.KubernetesOperation.Scale;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code kubernetes} action and {@code kubernetes-rollout} verify keys, read through the loader
 * from YAML: good runbooks parse to their records, bad ones are refused naming the key.
 */
class KubernetesConfigTest {
  private static final String FIRST_ACTION =
      """
          action:
            method: POST
            url: http://127.0.0.1:9/first?service={service}
            body: '{"service":"{service}"}'
            headers: {Content-Type: application/json}
      """;

  /** The test configuration whose first runbook's action is {@code action} (indented YAML). */
  private static GreenlightConfig withAction(String action) {
    return ConfigLoader.parse(TestYaml.with(FIRST_ACTION, action), "test.yml");
  }

  private static String actionRejection(String action) {
    return rejection(TestYaml.with(FIRST_ACTION, action));
  }

  private static String rejection(String yaml) {
    ConfigException e =
        catchThrowableOfType(() -> ConfigLoader.parse(yaml, "test.yml"), ConfigException.class);
    assertThat(e).as("the configuration is rejected").isNotNull();
    return e.getMessage();
  }

  private static KubernetesAction firstAction(GreenlightConfig config) {
    return (KubernetesAction) config.runbooks().get(0).action();
  }

  private static final Map<String, String> VARS =
      Map.of("service", "checkout-api", "incident", "GL-1A2B3C4D");

  @Test
  void rolloutRestartReadsItsTargetAndDescribesItselfInOneLine() {
    KubernetesAction action =
        firstAction(
            withAction(
                """
                    action:
                      type: kubernetes
                      context: prod-eu
                      namespace: shop
                      kind: Deployment
                      name: "{service}"
                      rollout-restart: {}
                """));
    assertThat(action.kind()).isEqualTo(KubernetesKind.DEPLOYMENT);
    assertThat(action.operation()).isInstanceOf(KubernetesOperation.RolloutRestart.class);
    assertThat(action.describe(VARS))
        .isEqualTo("rollout restart deployment/checkout-api in shop (context prod-eu)");
    assertThat(action.describe(Template.VISIBLE))
        .isEqualTo("rollout restart deployment/{service} in shop (context prod-eu)");
  }

  @Test
  void everyOperationParsesWithItsKeys() {
    Scale scale =
        (Scale)
            firstAction(
                    withAction(
                        """
                            action:
                              type: kubernetes
                              namespace: shop
                              kind: statefulset
                              name: "{service}-db"
                              scale: {by: +2, max: 6}
                        """))
                .operation();
    assertThat(scale).isEqualTo(new Scale(null, 2, 6));

    DeletePods delete =
        (DeletePods)
            firstAction(
                    withAction(
                        """
                            action:
                              type: kubernetes
                              namespace: shop
                              kind: deployment
                              name: "{service}"
                              delete-pods: {max: 2, only-not-ready: true, selector: {tier: "{service}"}}
                        """))
                .operation();
    assertThat(delete.max()).isEqualTo(2);
    assertThat(delete.onlyNotReady()).isTrue();
    assertThat(delete.selector(VARS)).containsExactly(Map.entry("tier", "checkout-api"));

    KubernetesAction job =
        firstAction(
            withAction(
                """
                    action:
                      type: kubernetes
                      namespace: shop
                      name: cache-flush
                      run-job:
                        image: registry.example/tools:1.2
                        command: [flush, "{service}"]
                        env: {INCIDENT: "{incident}"}
                """));
    RunJob run = (RunJob) job.operation();
    assertThat(run.command(VARS)).containsExactly("flush", "checkout-api");
    assertThat(run.backoffLimit()).isZero();
    assertThat(run.activeDeadline()).isEqualTo(Duration.ofMinutes(10));
    assertThat(job.describe(VARS))
        .isEqualTo(
            "run job cache-flush-… in shop: image registry.example/tools:1.2,"
                + " command flush checkout-api, env INCIDENT=GL-1A2B3C4D");
  }

  @Test
  void rollbackAndScaleDescribeWhatTheyDo() {
    KubernetesAction rollback =
        firstAction(
            withAction(
                """
                    action:
                      type: kubernetes
                      namespace: "{service}"
                      kind: deployment
                      name: web
                      rollback: {}
                """));
    assertThat(rollback.describe(VARS))
        .isEqualTo("roll back deployment/web in checkout-api to its previous revision");
    KubernetesAction scale =
        firstAction(
            withAction(
                """
                    action:
                      type: kubernetes
                      namespace: shop
                      kind: deployment
                      name: web
                      scale: {replicas: 6}
                """));
    assertThat(scale.describe(VARS)).isEqualTo("scale deployment/web in shop to 6 replicas");
  }

  @Test
  void anActionWithoutOrWithTwoOperationsIsRefused() {
    assertThat(
            actionRejection(
                """
                    action:
                      type: kubernetes
                      namespace: shop
                      kind: deployment
                      name: web
                """))
        .contains(
            "runbooks[0].action must name exactly one operation of rollout-restart, scale,"
                + " rollback, delete-pods, run-job");
    assertThat(
            actionRejection(
                """
                    action:
                      type: kubernetes
                      namespace: shop
                      kind: deployment
                      name: web
                      rollback: {}
                      rollout-restart: {}
                """))
        .contains("(got rollout-restart, rollback)");
  }

  @Test
  void namesTakeOnlyTheServicePlaceholderAndMustBeKubernetesNames() {
    assertThat(actionRejection(target("shop", "deployment", "\"{incident}\"", "rollback: {}")))
        .contains("runbooks[0].action.name: unknown placeholder {incident}");
    assertThat(actionRejection(target("Shop_Prod", "deployment", "web", "rollback: {}")))
        .contains("runbooks[0].action.namespace: 'Shop_Prod' is not a valid Kubernetes name");
    assertThat(actionRejection(target("shop", "deployment", "\"{model}\"", "rollback: {}")))
        .contains("runbooks[0].action.name: unknown placeholder {model}");
  }

  @Test
  void kindsAndOperationsMustFit() {
    assertThat(actionRejection(target("shop", "cronjob", "web", "rollback: {}")))
        .contains("runbooks[0].action.kind must be one of deployment, statefulset, daemonset, job");
    assertThat(actionRejection(target("shop", "statefulset", "db", "rollback: {}")))
        .contains("runbooks[0].action.kind: rollback works on a deployment only");
    assertThat(actionRejection(target("shop", "daemonset", "agent", "scale: {replicas: 2}")))
        .contains("runbooks[0].action.kind: a daemonset cannot be scaled");
  }

  @Test
  void operationKeysAreValidatedByName() {
    assertThat(actionRejection(target("shop", "deployment", "web", "scale: {by: 2}")))
        .contains("runbooks[0].action.scale.max is required");
    assertThat(actionRejection(target("shop", "deployment", "web", "scale: {replicas: 2, by: 1}")))
        .contains("runbooks[0].action.scale must name either replicas or by");
    assertThat(actionRejection(target("shop", "deployment", "web", "scale: {replicas: 5000}")))
        .contains("runbooks[0].action.scale.replicas must be a whole number from 0 to 1000");
    assertThat(actionRejection(target("shop", "deployment", "web", "delete-pods: {max: 0}")))
        .contains("runbooks[0].action.delete-pods.max must be a whole number from 1 to 50");
    assertThat(actionRejection(target("shop", "deployment", "web", "delete-pods: {}")))
        .contains("runbooks[0].action.delete-pods.max is required");
    assertThat(actionRejection(target("shop", "deployment", "web", "delete-pods: {max: 1, mx: 2}")))
        .contains("unknown key runbooks[0].action.delete-pods.mx")
        .contains("allowed here: max, only-not-ready, selector");
    assertThat(
            actionRejection(
                """
                    action:
                      type: kubernetes
                      namespace: shop
                      run-job: {image: "tools:{service}"}
                """))
        .contains("runbooks[0].action.run-job.image: 'tools:{service}' is not an image reference");
    assertThat(
            actionRejection(
                """
                    action:
                      type: kubernetes
                      namespace: shop
                      kind: deployment
                      run-job: {image: tools:1}
                """))
        .contains("runbooks[0].action.kind is not used by run-job");
    assertThat(
            actionRejection(
                """
                    action:
                      type: kubernetes
                      namespace: shop
                      run-job: {image: tools:1, command: ["{model}"]}
                """))
        .contains("runbooks[0].action.run-job.command[0]: unknown placeholder {model}");
  }

  @Test
  void theNewKindsAreKnownToTheLoader() {
    assertThat(actionRejection("    action: {type: kubrnetes}\n"))
        .contains("unknown action type 'kubrnetes' (known: argo, http, kubernetes)");
    assertThat(List.copyOf(Kinds.VERIFIES.keySet())).contains("kubernetes-rollout");
  }

  private static String target(String namespace, String kind, String name, String operation) {
    return String.format(
        """
            action:
              type: kubernetes
              namespace: %s
              kind: %s
              name: %s
              %s
        """,
        namespace, kind, name, operation);
  }
}
