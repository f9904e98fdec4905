package dev.greenlight.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.greenlight.classify.Calibration;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.classify.EvalRunner;
import dev.greenlight.classify.Evaluation;
import dev.greenlight.classify.LocalClassifier;
import dev.greenlight.classify.Tuner;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.config.LocalSettings;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What {@code greenlight eval} prints, as text tables or one JSON document. */
record EvalReport(
    String dataset,
    String catalog,
    GreenlightConfig config,
    ClassifierSettings settings,
    double floor,
    EvalRunner.Result result,
    Tuner.Fit fit,
    EvalRunner.Result fitted,
    String labelled) {
  /** Above this min-similarity, {@code eval} notes that the floor is probably too high. */
  static final double HIGH_FLOOR = 0.30;

  EvalReport(
      String dataset,
      String catalog,
      GreenlightConfig config,
      ClassifierSettings settings,
      double floor,
      EvalRunner.Result result) {
    this(dataset, catalog, config, settings, floor, result, null, null, null);
  }

  EvalReport withFit(Tuner.Fit f, EvalRunner.Result r) {
    return new EvalReport(dataset, catalog, config, settings, floor, result, f, r, labelled);
  }

  /** The report saying how many labelled incidents labelled the cases (and how many sat out). */
  EvalReport withLabelled(String source, int total, int used) {
    String line =
        String.format(
            Locale.ROOT,
            "%s: %d of %d used (%d are cases of this dataset and sat out)",
            source,
            used,
            total,
            total - used);
    return new EvalReport(dataset, catalog, config, settings, floor, result, fit, fitted, line);
  }

  String inUse() {
    String note =
        settings.usesLlm() && !result.inUse().startsWith(settings.mode())
            ? " (mode " + settings.mode() + " is configured: add --llm to evaluate it)"
            : "";
    return String.format(
        Locale.ROOT,
        "mode %s, strategy %s -> row \"%s\"%s",
        settings.mode(),
        settings.strategy(),
        result.inUse(),
        note);
  }

  void printText(PrintWriter out, boolean reliability, boolean cases) {
    out.printf(
        Locale.ROOT,
        "Dataset: %s (%d cases); catalog: %s (%d runbooks); floor %.2f, min-similarity %.2f%n",
        dataset,
        result.inUseReport().cases(),
        catalog,
        config.runbooks().size(),
        floor,
        config.policy().minSimilarity());
    if (config.policy().minSimilarity() > HIGH_FLOOR) {
      out.printf(
          Locale.ROOT,
          "Note: min-similarity %.2f is a floor on the local score (similarity + lexical share);"
              + " 0.22 was fitted on the built-in set, and above %.2f real incidents tend to come"
              + " back unknown (docs/classification.md)%n",
          config.policy().minSimilarity(),
          HIGH_FLOOR);
    }
    out.println("Local model: " + EmbeddingClassifier.MODEL);
    out.println(
        "Calibration in use: "
            + Calibration.configured(settings)
            + (settings.calibration() == null ? "" : " (classifier.calibration)"));
    LocalSettings local = settings.local();
    out.printf(
        Locale.ROOT,
        "Local knobs in use (classifier.local): lexical-weight %.2f, other-margin %.2f,"
            + " other-incidents %s (other-prune %.2f), other-lexical-weight %.2f,"
            + " other-claim %.2f%n",
        local.lexicalWeight(),
        local.otherMargin(),
        local.otherIncidents(),
        local.otherPrune(),
        local.otherLexicalWeight(),
        local.otherClaim());
    if (labelled != null) {
      out.println("Labelled incidents (classifier.local.labelled-incidents): " + labelled);
    }
    out.println("Classifier in use: " + inUse());
    out.println();
    out.print(Evaluation.table(result.reports(), floor));
    if (reliability) {
      for (Evaluation.Report r : result.reports()) {
        out.println();
        out.print(Evaluation.reliabilityTable(r));
      }
    }
    out.println();
    out.println("Platt coefficients fitted on this dataset (intercept, similarity, margin):");
    for (LocalClassifier.Strategy s : LocalClassifier.Strategy.values()) {
      out.printf(
          "  %-9s calibrated:   %s%n", s.name().toLowerCase(Locale.ROOT), result.fitted().get(s));
      out.printf("  %-9s conservative: %s%n", "", result.conservative().get(s));
    }
    if (result.catalog() != null) {
      out.println("  fitted on the catalog alone (leave-one-out): " + result.catalog());
    }
    if (fit != null) {
      out.println();
      out.println("Knobs " + fit + "; the same rows on this dataset with them:");
      out.print(Evaluation.table(fitted.reports(), fit.floor()));
    }
    if (cases) {
      out.println();
      out.println("Cases (" + result.inUse() + "):");
      out.printf(
          Locale.ROOT,
          "  %-7s %-14s %-14s %5s  %s%n",
          "route",
          "expected",
          "predicted",
          "conf",
          "text | why");
      for (EvalRunner.CaseResult c : result.cases()) {
        out.printf(
            Locale.ROOT,
            "  %-7s %-14s %-14s %5.3f  %s%s | %s%n",
            c.route(),
            c.expected(),
            c.predicted(),
            c.confidence(),
            c.expected().equals(c.predicted()) ? "" : "[WRONG] ",
            oneLine(c.text()),
            c.why());
      }
    }
  }

  void printJson(PrintWriter out) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("dataset", dataset);
    doc.put("catalog", catalog);
    doc.put("floor", floor);
    doc.put("minSimilarity", config.policy().minSimilarity());
    doc.put("model", EmbeddingClassifier.MODEL);
    doc.put("calibrationInUse", Calibration.configured(settings).toString());
    doc.put("mode", settings.mode());
    doc.put("strategy", settings.strategy());
    doc.put("local", settings.local());
    doc.put("inUse", result.inUse());
    if (labelled != null) {
      doc.put("labelledIncidents", labelled);
    }
    doc.put("rows", result.reports());
    doc.put("cases", result.cases());
    if (fit != null) {
      doc.put("fit", fit.toString());
      doc.put("fittedRows", fitted.reports());
    }
    try {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return t.length() <= 90 ? t : t.substring(0, 89) + "…";
  }
}
