package dev.greenlight.bot.cli;

import dev.greenlight.classify.Calibration;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.classify.EvalCase;
import dev.greenlight.classify.EvalRunner;
import dev.greenlight.classify.Evaluation;
import dev.greenlight.classify.LocalClassifier;
import dev.greenlight.classify.OpenAiChatClassifier;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures the classifiers on a labelled dataset against a catalog. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate the classifiers on a labelled JSONL dataset (one object a line: text, service,"
          + " expected_label; expected_label may be 'unknown').",
      "Prints accuracy, macro-F1, calibration (ECE and reliability table), the share left to a"
          + " human at the confidence floor, wrong auto-approvals and latency p50/p99.",
      "Exits 1 when a case would have been auto-approved wrongly with the calibration in use."
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "catalog YAML (default: GREENLIGHT_CONFIG, else the built-in demo)")
  Path config;

  @Option(
      names = "--dataset",
      paramLabel = "FILE",
      description = "JSONL dataset (default: the built-in set written for the demo catalog)")
  Path dataset;

  @Option(
      names = "--floor",
      paramLabel = "P",
      description = "confidence floor to evaluate the gate at (default: the config's)")
  Double floor;

  @Option(
      names = "--llm",
      description =
          "also evaluate the llm and both modes (needs the classifier section or GREENLIGHT_LLM_*;"
              + " calls the endpoint once per case)")
  boolean llm;

  @Option(names = "--no-reliability", description = "omit the reliability tables")
  boolean noReliability;

  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    GreenlightConfig cfg = loadConfig();
    double gateFloor = floor != null ? floor : cfg.policy().confidenceFloor();
    if (gateFloor < 0 || gateFloor > 1) {
      throw new IllegalArgumentException("--floor must be from 0 to 1 (got " + floor + ")");
    }
    List<EvalCase> cases = dataset == null ? EvalCase.builtIn() : EvalCase.load(dataset);
    out.printf(
        "Dataset: %s (%d cases); catalog: %s (%d runbooks); floor %.2f, min-similarity %.2f%n",
        dataset == null ? "built-in " + EvalCase.BUILT_IN : dataset,
        cases.size(),
        config != null ? config : env.getOrDefault("GREENLIGHT_CONFIG", "built-in demo"),
        cfg.runbooks().size(),
        gateFloor,
        cfg.policy().minSimilarity());
    out.println("Local model: " + EmbeddingClassifier.MODEL);
    out.println("Calibration in use: " + Calibration.DEFAULT);
    out.flush();
    OpenAiChatClassifier llmClassifier = null;
    if (llm) {
      ClassifierSettings s = cfg.classifier().withEnvironment(env);
      llmClassifier =
          new OpenAiChatClassifier(s, env.get(s.apiKeyEnv()), cfg.runbooks(), new OkHttpClient());
    }
    EvalRunner.Result result =
        EvalRunner.run(
            cfg,
            cases,
            new EmbeddingClassifier(cfg.runbooks()),
            Calibration.DEFAULT,
            llmClassifier,
            gateFloor);
    out.println();
    out.print(Evaluation.table(result.reports(), gateFloor));
    if (!noReliability) {
      for (Evaluation.Report r : result.reports()) {
        out.println();
        out.print(Evaluation.reliabilityTable(r));
      }
    }
    out.println();
    out.println("Platt coefficients fitted on this dataset (intercept, similarity, margin):");
    for (LocalClassifier.Strategy s : LocalClassifier.Strategy.values()) {
      out.printf("  %-9s calibrated:   %s%n", s.name().toLowerCase(), result.fitted().get(s));
      out.printf("  %-9s conservative: %s%n", "", result.conservative().get(s));
    }
    out.flush();
    Evaluation.Report inUse =
        result.reports().stream()
            .filter(r -> r.name().contains("(in use)"))
            .findFirst()
            .orElseThrow();
    return inUse.autoApprovedWrong() == 0 ? 0 : 1;
  }

  private GreenlightConfig loadConfig() {
    if (config != null) {
      return ConfigLoader.load(config);
    }
    String fromEnv = env.get("GREENLIGHT_CONFIG");
    return fromEnv == null || fromEnv.isBlank()
        ? ConfigLoader.loadDemo()
        : ConfigLoader.load(Path.of(fromEnv));
  }
}
