package dev.greenlight.classify;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: the measurement behind docs/classification.md's cross-set tables, for one or more
 * values of {@code classifier.local.other-lexical-weight} (the arguments; none: the shipped 0). For
 * each it fits the knobs on the built-in set and on the on-call set ({@link Tuner}, exactly as
 * {@code eval --fit-on}) and reports the fit on every other set, through {@link EvalRunner} with
 * every guard. Run after {@code mvn -pl workflows test-compile}, with the test class path:
 *
 * <pre>java -cp workflows/target/test-classes:workflows/target/classes:$CP \
 *     dev.greenlight.classify.CrossSetReplay 0 0.75</pre>
 */
final class CrossSetReplay {
  private CrossSetReplay() {}

  public static void main(String[] args) {
    GreenlightConfig demo = ConfigLoader.loadDemo();
    EmbeddingClassifier embeddings = SharedModel.classifier(demo.runbooks());
    Map<String, List<EvalCase>> sets = new LinkedHashMap<>();
    for (String name :
        List.of("incidents", "oncall", "adversarial", "holdout", "holdout-dev", "holdout-test")) {
      sets.put(name, EvalCase.resource("/eval/" + name + ".jsonl"));
    }
    for (String arg : args.length == 0 ? new String[] {"0"} : args) {
      LocalClassifier.Tuning levers =
          new LocalClassifier.Tuning(0.5, -0.2, Double.parseDouble(arg));
      for (String source : List.of("incidents", "oncall")) {
        Tuner.Fit fit =
            Tuner.fit(
                demo,
                sets.get(source),
                embeddings,
                LocalClassifier.Strategy.NEAREST,
                source,
                levers);
        System.out.println("other-lexical-weight " + arg + ": " + fit);
        for (var set : sets.entrySet()) {
          if (set.getKey().equals(source)) {
            continue;
          }
          Evaluation.Report r = EvalRunner.run(demo, set.getValue(), embeddings, fit).inUseReport();
          System.out.printf(
              Locale.ROOT,
              "  %-9s -> %-12s acc %.3f  F1 %.3f  unk P %.3f  R %.3f  ECE %.3f  auto %d (%d)%n",
              source,
              set.getKey(),
              r.accuracy(),
              r.macroF1(),
              r.unknownPrecision(),
              r.unknownRecall(),
              r.ece(),
              r.autoApproved(),
              r.autoApprovedWrong());
        }
      }
    }
  }
}
