package dev.greenlight.bot.cli;

import dev.greenlight.api.Principal;
import dev.greenlight.api.Risk;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.Runbook;
import dev.greenlight.config.Template;
import dev.greenlight.config.TierRule;
import dev.greenlight.embedding.MiniLmEmbeddingModel;
import dev.greenlight.embedding.ModelFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Validates a catalog without starting anything and prints what Greenlight understood of it, so a
 * team can run it in CI before deploying a catalog change. It also says where the local model is
 * read from, and warns when it is missing (run, worker and eval then refuse to start).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a config file and print what Greenlight understood of it: services, runbooks,"
          + " approval tiers and the classifier. Connects to nothing.",
      "Exits 0 when the file is valid, 1 when it is not (the message names the key and the file).",
      "Also says where the local model is read from (greenlight-model.jar, beside greenlight.jar),"
          + " or warns when it is missing."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config (default: GREENLIGHT_CONFIG, else the built-in demo)")
  Path config;

  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String fromEnv = env.getOrDefault("GREENLIGHT_CONFIG", "").trim();
    Path file = config != null ? config : fromEnv.isEmpty() ? null : Path.of(fromEnv);
    String source =
        config != null
            ? config + " (--config)"
            : file != null
                ? file + " (GREENLIGHT_CONFIG)"
                : "the " + ConfigLoader.DEMO_SOURCE + " (no --config, GREENLIGHT_CONFIG unset)";
    out.println("Checking " + source);
    out.flush();
    GreenlightConfig cfg;
    try {
      cfg = file == null ? ConfigLoader.loadDemo() : ConfigLoader.load(file);
    } catch (ConfigException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("greenlight: " + e.getMessage());
      err.flush();
      return 1;
    }
    print(out, cfg);
    // Every mode runs the local model (it is the LLM's fallback); a catalog check in CI may run
    // with the executable jar alone, so a missing model jar is a warning here and an error at
    // start.
    Optional<String> model = ModelFiles.source();
    out.println(
        model.isPresent()
            ? "Local model: " + MiniLmEmbeddingModel.NAME + ", from " + model.get()
            : "WARNING: "
                + ModelFiles.missingMessage()
                + ". run, worker and eval will not start without it");
    out.printf(
        "OK: %s is valid (%d services, %d runbooks)%n",
        file == null ? ConfigLoader.DEMO_SOURCE : file,
        cfg.services().size(),
        cfg.runbooks().size());
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, GreenlightConfig cfg) {
    out.println("Services: " + String.join(", ", cfg.services()));
    out.printf(
        "People: approvers %s; on-call %s; cards to %s%n",
        ids(cfg.approvers()),
        cfg.onCall(),
        cfg.channel().isEmpty() ? "the channel the command is typed in" : cfg.channel());
    out.printf(
        "Policy: confidence floor %.2f, min similarity %.2f%n",
        cfg.policy().confidenceFloor(), cfg.policy().minSimilarity());
    out.println("Runbooks:");
    for (Runbook r : cfg.runbooks()) {
      out.println("  " + runbook(r, cfg));
    }
    out.println("Approval tiers:");
    for (Risk risk : Risk.values()) {
      out.printf("  %-6s %s%n", risk.label(), tier(cfg.approvals().get(risk)));
    }
    out.println("Classifier: " + classifier(cfg.classifier()));
    if (cfg.alerts() != null) {
      var a = cfg.alerts();
      out.printf(
          "Alerts: cards to %s; service from %s; %d hints; at most %d open per service, %d in all;"
              + " receiver needs GREENLIGHT_ALERTS_TOKEN%s%n",
          cfg.alertChannel(),
          String.join(", ", a.serviceLabels()),
          a.hints().size(),
          a.maxOpenPerService(),
          a.maxOpen(),
          a.generic() == null ? "" : "; generic source " + a.generic().source());
    }
  }

  /** One line: id, label, risk, the action with its placeholders, verify kind and approvers. */
  static String runbook(Runbook r, GreenlightConfig cfg) {
    return String.format(
        "%s: label %s, %s risk; %s %s; verify %s; approvers %s%s",
        r.id(),
        r.label(),
        r.risk().label(),
        r.action().type(),
        r.action().describe(Template.VISIBLE),
        r.verify().type(),
        ids(cfg.approversFor(r.id())),
        r.approvers().isEmpty() ? "" : " (this runbook's own)");
  }

  static String tier(TierRule t) {
    List<String> steps = new ArrayList<>();
    for (TierRule.EscalationStep s : t.escalation()) {
      List<String> who = new ArrayList<>();
      if (s.notifyApprovers()) {
        who.add("approvers");
      }
      if (s.notifyOnCall()) {
        who.add("on-call");
      }
      who.addAll(Principal.ids(s.others()));
      steps.add("[" + duration(s.after()) + ": " + String.join(", ", who) + "]");
    }
    return String.format(
        "%d approver%s, %s, timeout %s, ladder %s",
        t.required(),
        t.required() == 1 ? "" : "s",
        t.selfApproval() ? "self-approval allowed" : "no self-approval",
        duration(t.timeout()),
        steps.isEmpty() ? "none" : String.join(" ", steps));
  }

  static String classifier(ClassifierSettings c) {
    String local = c.mode() + ", strategy " + c.strategy();
    if (!c.usesLlm()) {
      return local;
    }
    return String.format(
        "%s, LLM %s at %s, key in $%s, timeout %s, %d attempts",
        local, c.llmModel(), c.baseUrl(), c.apiKeyEnv(), duration(c.timeout()), c.maxAttempts());
  }

  /** {@code 4h}, {@code 45m}, {@code 90s}: the largest unit that divides the duration. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    long[] sizes = {86_400_000, 3_600_000, 60_000, 1000};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms + "ms";
  }

  private static String ids(List<Principal> principals) {
    return String.join(", ", Principal.ids(principals));
  }
}
