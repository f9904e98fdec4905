package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.greenlight.bot.ops.LogFormat;
import dev.greenlight.bot.ops.ManagementSettings;
import dev.greenlight.bot.ops.Redaction;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.embedding.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/: the Kubernetes manifests parse and agree with the code (the variables the {@code --help}
 * footer names, the management port and probe paths, the catalog is valid), and the Dockerfile runs
 * the slim jar, with its model jar beside it, as a non-root user.
 */
class DeployManifestsTest {
  static final Path DEPLOY = Path.of("").toAbsolutePath().getParent().resolve("deploy");
  static final Path KUBERNETES = DEPLOY.resolve("kubernetes");

  /** Written by the Kubernetes action kind's work, beside these manifests. */
  static final String RBAC = "greenlight-rbac.yaml";

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyManifestParsesAndNamesItsKind() throws IOException {
    List<JsonNode> docs = manifests();
    assertThat(docs).hasSizeGreaterThanOrEqualTo(8);
    for (JsonNode d : docs) {
      assertThat(d.path("apiVersion").asText()).isNotEmpty();
      assertThat(d.path("kind").asText()).isNotEmpty();
      if (!d.path("kind").asText().equals("Kustomization")) {
        assertThat(d.path("metadata").path("name").asText()).isNotEmpty();
      }
    }
  }

  @Test
  void theKustomizationListsFilesThatExist() throws IOException {
    JsonNode k = YAML.readTree(KUBERNETES.resolve("kustomization.yaml").toFile());
    List<String> resources = new ArrayList<>();
    k.path("resources").forEach(r -> resources.add(r.asText()));
    assertThat(resources).contains(RBAC, "bot-deployment.yaml", "worker-deployment.yaml");
    for (String r : resources) {
      if (!r.equals(RBAC)) {
        assertThat(KUBERNETES.resolve(r)).as(r).exists();
      }
    }
  }

  @Test
  void botAndWorkerScaleApartWithProbesOnTheManagementPort() throws IOException {
    JsonNode bot = deployment("greenlight-bot");
    JsonNode worker = deployment("greenlight-worker");
    assertThat(worker.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(container(bot).path("args").get(0).asText()).isEqualTo("bot");
    assertThat(container(worker).path("args").get(0).asText()).isEqualTo("worker");
    String account = named("ServiceAccount").get(0).path("metadata").path("name").asText();
    for (JsonNode d : List.of(bot, worker)) {
      JsonNode pod = d.path("spec").path("template").path("spec");
      assertThat(pod.path("serviceAccountName").asText()).isEqualTo(account);
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
      JsonNode c = container(d);
      JsonNode port = c.path("ports").get(0);
      assertThat(port.path("name").asText()).isEqualTo("metrics");
      assertThat(port.path("containerPort").asInt()).isEqualTo(ManagementSettings.DEFAULT_PORT);
      assertThat(probe(c, "livenessProbe")).isEqualTo(ManagementSettings.HEALTH_PATH);
      assertThat(probe(c, "startupProbe")).isEqualTo(ManagementSettings.HEALTH_PATH);
      assertThat(probe(c, "readinessProbe")).isEqualTo(ManagementSettings.READY_PATH);
      Map<String, JsonNode> env = env(c);
      assertThat(env.get(ManagementSettings.PORT_VARIABLE).path("value").asText())
          .isEqualTo(String.valueOf(ManagementSettings.DEFAULT_PORT));
      assertThat(env.get(ManagementSettings.BIND_VARIABLE).path("value").asText())
          .isEqualTo("0.0.0.0");
      LogFormat.parse(env.get(LogFormat.VARIABLE).path("value").asText());
      assertThat(env).containsKeys("SLACK_BOT_TOKEN", "TEMPORAL_ADDRESS", "GREENLIGHT_CONFIG");
    }
    assertThat(env(container(bot))).containsKey("SLACK_APP_TOKEN");
    assertThat(env(container(worker))).doesNotContainKey("SLACK_APP_TOKEN");
  }

  @Test
  void everyVariableTheManifestsSetIsOneTheCodeReads() throws IOException {
    String help = Main.commandLine().getUsageMessage();
    TreeSet<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("\\b(SLACK|TEMPORAL|GREENLIGHT)_[A-Z_]+\\b").matcher(help);
    while (m.find()) {
      documented.add(m.group());
    }
    assertThat(documented)
        .contains(
            ManagementSettings.PORT_VARIABLE, ManagementSettings.BIND_VARIABLE, LogFormat.VARIABLE);
    for (String name : List.of("greenlight-bot", "greenlight-worker")) {
      for (String variable : env(container(deployment(name))).keySet()) {
        assertThat(documented).as(name + " sets " + variable).contains(variable);
      }
    }
  }

  @Test
  void secretsComeFromTheSecretAndTheCatalogFromAValidConfigMap() throws IOException {
    JsonNode secret = named("Secret").get(0);
    String secretName = secret.path("metadata").path("name").asText();
    List<String> keys = new ArrayList<>();
    secret.path("stringData").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN");
    for (String name : List.of("greenlight-bot", "greenlight-worker")) {
      env(container(deployment(name)))
          .forEach(
              (variable, e) -> {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (Redaction.SECRET_VARIABLES.contains(variable)) {
                  assertThat(ref.path("name").asText()).as(variable).isEqualTo(secretName);
                  assertThat(e.has("value")).as(variable + " in plain text").isFalse();
                }
              });
    }
    JsonNode catalog = named("ConfigMap").get(0);
    String yaml = catalog.path("data").path("greenlight.yml").asText();
    GreenlightConfig config = ConfigLoader.parse(yaml, "catalog-configmap.yaml");
    assertThat(config.runbooks()).isNotEmpty();
    JsonNode worker = deployment("greenlight-worker");
    String path = env(container(worker)).get("GREENLIGHT_CONFIG").path("value").asText();
    String mount =
        container(worker).path("volumeMounts").findValuesAsText("mountPath").stream()
            .filter(path::startsWith)
            .findFirst()
            .orElseThrow();
    assertThat(Path.of(mount).resolve("greenlight.yml").toString()).isEqualTo(path);
  }

  @Test
  void theMetricsServiceNamesItsPortForAServiceMonitor() throws IOException {
    JsonNode service = named("Service").get(0);
    JsonNode port = service.path("spec").path("ports").get(0);
    assertThat(port.path("name").asText()).isEqualTo("metrics");
    assertThat(port.path("port").asInt()).isEqualTo(ManagementSettings.DEFAULT_PORT);
    JsonNode monitor = named("ServiceMonitor").get(0);
    JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("port").asText()).isEqualTo("metrics");
    assertThat(endpoint.path("path").asText()).isEqualTo(ManagementSettings.METRICS_PATH);
  }

  @Test
  void theDockerfileRunsTheSlimJarBesideItsModelAsANonRootUser() throws IOException {
    List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
    List<String> instructions =
        lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(instructions.get(0)).isEqualTo("FROM eclipse-temurin:17-jre");
    String user =
        instructions.stream()
            .filter(l -> l.startsWith("USER "))
            .reduce((a, b) -> b)
            .orElseThrow()
            .substring(5)
            .trim();
    assertThat(user.split(":")[0]).isNotIn("root", "0");
    // The model jar sits beside the executable jar (its manifest's Class-Path), in an earlier
    // layer.
    String model = "COPY bot/target/" + ModelFiles.JAR + " /app/" + ModelFiles.JAR;
    String jar = "COPY bot/target/greenlight.jar /app/greenlight.jar";
    assertThat(instructions).contains(model, jar);
    assertThat(instructions.indexOf(model)).isLessThan(instructions.indexOf(jar));
    assertThat(instructions).contains("EXPOSE " + ManagementSettings.DEFAULT_PORT);
    String all = String.join("\n", lines);
    assertThat(all)
        .contains("HEALTHCHECK", ManagementSettings.HEALTH_PATH)
        .contains("\"-jar\", \"/app/greenlight.jar\"")
        .contains(ManagementSettings.PORT_VARIABLE + "=" + ManagementSettings.DEFAULT_PORT);
  }

  private static List<JsonNode> manifests() throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(f.toFile())) {
          docs.addAll(it.readAll());
        }
      }
    }
    return docs;
  }

  private static List<JsonNode> named(String kind) throws IOException {
    return manifests().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  private static JsonNode deployment(String name) throws IOException {
    return named("Deployment").stream()
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + name));
  }

  private static JsonNode container(JsonNode deployment) {
    return deployment.path("spec").path("template").path("spec").path("containers").get(0);
  }

  private static String probe(JsonNode container, String probe) {
    JsonNode get = container.path(probe).path("httpGet");
    assertThat(get.path("port").asText()).as(probe + " port").isEqualTo("metrics");
    return get.path("path").asText();
  }

  private static Map<String, JsonNode> env(JsonNode container) {
    Map<String, JsonNode> env = new HashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
    return env;
  }
}
