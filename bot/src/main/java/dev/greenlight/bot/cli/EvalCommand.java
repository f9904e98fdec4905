package dev.greenlight.bot.cli;

import dev.greenlight.classify.Calibration;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.classify.EvalCase;
import dev.greenlight.classify.EvalRunner;
import dev.greenlight.classify.LocalClassifier;
import dev.greenlight.classify.OpenAiChatClassifier;
import dev.greenlight.classify.Tuner;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
      "--cases or --output json show every case (route, expected, predicted, confidence, why);"
          + " --fit-on OTHER fits the knobs on another set and reports them on this one.",
      "Exits 1 when a case would have been auto-approved wrongly by the classifier in use."
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

  @Option(
      names = "--cases",
      description =
          "print every case as the in-use classifier saw it: route (auto/human/unknown),"
              + " expected, predicted, confidence, text and why")
  boolean cases;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description = "text (default) or json (one JSON document with every row and every case)")
  String output = "text";

  @Option(
      names = "--fit-on",
      paramLabel = "FILE",
      description =
          "also fit the local classifier's knobs (min-similarity, lexical weight, other margin,"
              + " calibration, floor) on this other labelled set and report them on --dataset")
  Path fitOn;

  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!output.equals("text") && !output.equals("json")) {
      throw new IllegalArgumentException("--output must be text or json (got '" + output + "')");
    }
    GreenlightConfig cfg = loadConfig();
    double gateFloor = floor != null ? floor : cfg.policy().confidenceFloor();
    if (gateFloor < 0 || gateFloor > 1) {
      throw new IllegalArgumentException("--floor must be from 0 to 1 (got " + floor + ")");
    }
    List<EvalCase> data = dataset == null ? EvalCase.builtIn() : EvalCase.load(dataset);
    Set<String> labels = cfg.runbooks().stream().map(r -> r.label()).collect(Collectors.toSet());
    String source = dataset == null ? "built-in " + EvalCase.BUILT_IN : dataset.toString();
    EvalCase.checkLabels(data, labels, source);
    List<EvalCase> fitData = fitOn == null ? null : EvalCase.load(fitOn);
    if (fitData != null) {
      EvalCase.checkLabels(fitData, labels, fitOn.toString());
    }
    ClassifierSettings settings = cfg.classifier().withEnvironment(env);
    OpenAiChatClassifier llmClassifier =
        llm
            ? new OpenAiChatClassifier(
                settings, env.get(settings.apiKeyEnv()), cfg.runbooks(), new OkHttpClient())
            : null;
    EmbeddingClassifier all = new EmbeddingClassifier(cfg.runbooks(), settings.local());
    // A labelled incident that is also a case of this dataset (or of the --fit-on set) would label
    // itself: it sits out.
    Set<String> evaluated =
        data.stream().map(EvalCase::text).collect(Collectors.toCollection(HashSet::new));
    if (fitData != null) {
      fitData.forEach(c -> evaluated.add(c.text()));
    }
    EmbeddingClassifier embeddings = all.leavingOut(evaluated);
    EvalRunner.Result result =
        EvalRunner.run(
            cfg, data, embeddings, Calibration.configured(settings), llmClassifier, gateFloor);
    EvalReport report =
        new EvalReport(
            source,
            config != null
                ? String.valueOf(config)
                : env.getOrDefault("GREENLIGHT_CONFIG", "built-in demo"),
            cfg,
            settings,
            gateFloor,
            result);
    if (all.labelledIncidents() > 0) {
      report =
          report.withLabelled(
              settings.local().labelledIncidents(),
              all.labelledIncidents(),
              embeddings.labelledIncidents());
    }
    if (fitData != null) {
      LocalClassifier.Strategy strategy = LocalClassifier.Strategy.parse(settings.strategy());
      Tuner.Fit fit = Tuner.fit(cfg, fitData, embeddings, strategy, fitOn.toString());
      report = report.withFit(fit, EvalRunner.run(cfg, data, embeddings, fit));
    }
    if (output.equals("json")) {
      report.printJson(out);
    } else {
      report.printText(out, !noReliability, cases);
    }
    out.flush();
    return result.inUseReport().autoApprovedWrong() == 0 ? 0 : 1;
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
