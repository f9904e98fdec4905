package dev.greenlight.bot.sandbox;

import dev.greenlight.bot.Greenlight;
import dev.greenlight.bot.alerts.ReceiverSettings;
import dev.greenlight.bot.ops.LogFormat;
import dev.greenlight.bot.ops.ManagementSettings;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.sandbox.SlackServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Greenlight with no Slack workspace: the sandbox Slack server with a demo workspace, sick demo
 * services, the embedded Temporal server, the worker and the real bot, all on 127.0.0.1. The bot is
 * not told it is in a sandbox: it only gets tokens and a Web API URL.
 */
public final class Sandbox implements AutoCloseable {
  public static final String CHANNEL = "C0INCIDENTS";

  /** Where the simulated Argo Server's suspend gates are shown (its name says simulated). */
  public static final String ARGO_CHANNEL = "C0ARGOSIM";

  public static final String ALICE = "U0ALICE";
  public static final String BOB = "U0BOB";
  public static final String CAROL = "U0CAROL";
  static final String CONFIG_RESOURCE = "/greenlight-sandbox.yml";

  private final SlackServer slack;
  private final DemoServices demo;
  private final Greenlight greenlight;
  private final SimulatedArgo argo;
  private final SimulatedCluster cluster;

  private Sandbox(
      SlackServer slack,
      DemoServices demo,
      SimulatedCluster cluster,
      Greenlight greenlight,
      SimulatedArgo argo) {
    this.slack = slack;
    this.demo = demo;
    this.cluster = cluster;
    this.greenlight = greenlight;
    this.argo = argo;
  }

  /** Starts everything; the page is served on {@code port} (0: any free port). */
  public static Sandbox start(int port) throws Exception {
    return start(port, System.getenv());
  }

  /**
   * As {@link #start(int)}; of {@code outside} only the management server's settings are used (port
   * {@code 0}, any free one, unless {@value ManagementSettings#PORT_VARIABLE} is set) and the log
   * format.
   */
  public static Sandbox start(int port, Map<String, String> outside) throws Exception {
    SlackServer slack =
        SlackServer.builder()
            .httpPort(port)
            .channel(CHANNEL, "incidents")
            .channel(ARGO_CHANNEL, "argo-gates-simulated")
            .user(ALICE, "alice", "requester")
            .user(BOB, "bob", "approver")
            .user(CAROL, "carol", "on-call lead")
            .start();
    DemoServices demo = null;
    SimulatedArgo argo = null;
    SimulatedCluster cluster = null;
    try {
      demo = DemoServices.start(0, Duration.ofSeconds(2));
      argo = SimulatedArgo.start();
      argo.seedDemo();
      cluster = SimulatedCluster.start();
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_BOT_TOKEN", slack.botToken());
      env.put("SLACK_APP_TOKEN", slack.appToken());
      env.put("SLACK_API_URL", slack.apiUrl());
      String alertToken = newToken();
      env.put(ReceiverSettings.PORT_VARIABLE, "0");
      env.put(ReceiverSettings.TOKEN_VARIABLE, alertToken);
      env.put(
          ManagementSettings.PORT_VARIABLE,
          outside.getOrDefault(ManagementSettings.PORT_VARIABLE, "0"));
      for (String name : List.of(ManagementSettings.BIND_VARIABLE, LogFormat.VARIABLE)) {
        if (outside.containsKey(name)) {
          env.put(name, outside.get(name));
        }
      }
      Greenlight greenlight =
          Greenlight.start(
              Greenlight.Mode.RUN, env, config(demo.baseUrl(), argo.baseUrl()), cluster.clients());
      if (!slack.awaitConnected(Duration.ofSeconds(30))) {
        greenlight.close();
        throw new IllegalStateException("the bot did not connect to the sandbox Slack within 30 s");
      }
      slack.alertControl(new SandboxAlerts(greenlight.alertsUrl(), alertToken));
      slack.addNote(
          "Simulated: orders-api runs in a simulated Kubernetes cluster inside the sandbox"
              + " (fabric8's mock API, namespace simulated); its pods crashloop until it is"
              + " restarted. Try /remediate orders-api pods in CrashLoopBackOff, then"
              + " /remediate orders-api traffic surge, requests queueing, and Undo the scale.");
      return new Sandbox(slack, demo, cluster, greenlight, argo);
    } catch (Exception e) {
      if (cluster != null) {
        cluster.close();
      }
      if (demo != null) {
        demo.close();
      }
      if (argo != null) {
        argo.close();
      }
      slack.close();
      throw e;
    }
  }

  /** A fresh token for the alert receiver, known only to the page's alert control. */
  private static String newToken() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  /**
   * The sandbox catalog, its actions and probes pointing at the demo services, its suspend gates at
   * the simulated Argo Server.
   */
  static GreenlightConfig config(String demoUrl, String argoUrl) throws IOException {
    try (InputStream in = Sandbox.class.getResourceAsStream(CONFIG_RESOURCE)) {
      String yaml =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${DEMO_URL}", demoUrl)
              .replace("${ARGO_URL}", argoUrl);
      return ConfigLoader.parse(yaml, "sandbox config");
    }
  }

  /** The chat page. */
  public String url() {
    return slack.pageUrl();
  }

  /** The management server's base URL: {@code /metrics}, {@code /healthz}, {@code /readyz}. */
  public String managementUrl() {
    return greenlight.managementUrl();
  }

  public SlackServer slack() {
    return slack;
  }

  public DemoServices demo() {
    return demo;
  }

  /** The simulated Argo Server whose workflow waits at a suspend gate. */
  public SimulatedArgo argo() {
    return argo;
  }

  /** The simulated Kubernetes cluster that {@value SimulatedCluster#SERVICE} runs in. */
  public SimulatedCluster cluster() {
    return cluster;
  }

  @Override
  public void close() {
    greenlight.close();
    cluster.close();
    demo.close();
    argo.close();
    slack.close();
  }
}
