package dev.greenlight.classify;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.LocalSettings;
import dev.greenlight.config.Runbook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Past incidents labelled with a runbook or {@code unknown} ({@code classifier.local
 * .labelled-incidents}, the eval format), read and checked against the catalog at start. With the
 * catalog's examples and the kept "other incident" lines they form one labelled neighbourhood: the
 * closest of all label the report ({@link Neighbours}, {@link Vote}).
 */
final class LabelledIncidents {
  /** The sets bundled for the demo catalog: the built-in, the on-call and two blind sets. */
  static final List<String> BUILT_IN = EvalCase.DEMO_LABELLED;

  /** Fewer labelled incidents than this for a runbook (or for unknown) draws a warning at start. */
  static final int FEW = 10;

  private static final Logger log = LoggerFactory.getLogger(LabelledIncidents.class);

  private LabelledIncidents() {}

  /**
   * The warning for a labelled set too thin to trust, or empty: a few labelled incidents, or none
   * for some runbook, can lower accuracy on real incidents (docs/classification.md, "Labelled
   * incidents").
   */
  static Optional<String> thin(List<Labelled> incidents, List<Runbook> runbooks) {
    if (incidents.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    runbooks.forEach(r -> counts.put(r.label(), 0));
    counts.put(Verdict.UNKNOWN_LABEL, 0);
    for (Labelled l : incidents) {
      counts.merge(
          l.runbook() == null ? Verdict.UNKNOWN_LABEL : l.runbook().label(), 1, Integer::sum);
    }
    String few =
        counts.entrySet().stream()
            .filter(c -> c.getValue() < FEW)
            .map(c -> c.getKey() + " (" + c.getValue() + ")")
            .collect(Collectors.joining(", "));
    if (few.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "classifier.local.labelled-incidents: "
            + incidents.size()
            + " incidents, fewer than "
            + FEW
            + " for "
            + few
            + ". So few can lower accuracy on real incidents: compare `eval` with and without"
            + " them, and label incidents of every runbook (docs/classification.md, \"Labelled"
            + " incidents\")");
  }

  /** Logs {@link #thin}'s warning, if any. */
  static List<Labelled> warnIfThin(List<Labelled> incidents, List<Runbook> runbooks) {
    thin(incidents, runbooks).ifPresent(log::warn);
    return incidents;
  }

  /**
   * The incidents {@code local} names, each with its runbook (null: unknown).
   *
   * @throws ConfigException naming the source and the case when a label is not in the catalog
   */
  static List<Labelled> load(LocalSettings local, List<Runbook> runbooks) {
    String source = local.labelledIncidents();
    if (source.equals(LocalSettings.NONE)) {
      return List.of();
    }
    List<Labelled> out = new ArrayList<>();
    if (source.equals(LocalSettings.BUILT_IN)) {
      for (String name : BUILT_IN) {
        out.addAll(labelled(EvalCase.resource(name), runbooks, "built-in " + name));
      }
      return out;
    }
    List<EvalCase> cases;
    try {
      cases = EvalCase.load(Path.of(source));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("classifier.local.labelled-incidents: " + e.getMessage(), e);
    }
    return labelled(cases, runbooks, source);
  }

  private static List<Labelled> labelled(
      List<EvalCase> cases, List<Runbook> runbooks, String source) {
    Map<String, Runbook> byLabel =
        runbooks.stream().collect(Collectors.toMap(Runbook::label, Function.identity()));
    try {
      EvalCase.checkLabels(cases, byLabel.keySet(), source);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("classifier.local.labelled-incidents: " + e.getMessage(), e);
    }
    return cases.stream().map(c -> new Labelled(byLabel.get(c.expectedLabel()), c.text())).toList();
  }

  /** These incidents without the ones whose text is in {@code texts} (eval's leave-out). */
  static List<Labelled> without(List<Labelled> incidents, Set<String> texts) {
    return incidents.stream().filter(l -> !texts.contains(l.text())).toList();
  }

  /** One labelled past incident: its runbook (null: no runbook covers it) and its text. */
  record Labelled(Runbook runbook, String text) {}
}
