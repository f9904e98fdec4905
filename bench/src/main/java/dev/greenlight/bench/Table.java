package dev.greenlight.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result table: one row per number, each with the baseline (the physical limit) measured in the
 * same run and the ratio between them.
 */
final class Table {
  /**
   * One measured number.
   *
   * @param id stable row id (the smoke test checks every id is present)
   * @param metric what was measured
   * @param value the measurement
   * @param baseline the limit it is compared with, measured in the same run (NaN: none)
   * @param unit unit of value and baseline
   * @param goal the goal from the issue, or "-"
   * @param note what limits it / how it was measured
   */
  record Row(
      String id,
      String metric,
      double value,
      double baseline,
      String unit,
      String goal,
      String note) {
    double ratio() {
      return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
    }
  }

  private final List<Row> rows;
  private final List<String> notes;
  private final String idPrefix;
  private final String metricSuffix;

  Table() {
    this(new ArrayList<>(), new ArrayList<>(), "", "");
  }

  private Table(List<Row> rows, List<String> notes, String idPrefix, String metricSuffix) {
    this.rows = rows;
    this.notes = notes;
    this.idPrefix = idPrefix;
    this.metricSuffix = metricSuffix;
  }

  /** The same table, adding rows whose ids get {@code prefix} and metrics {@code suffix}. */
  Table under(String prefix, String suffix) {
    return new Table(rows, notes, idPrefix + prefix, metricSuffix + suffix);
  }

  /** A line printed above the table (e.g. which server the rows with a prefix came from). */
  void note(String line) {
    synchronized (notes) {
      notes.add(line);
    }
    System.out.println("  " + line);
  }

  void add(
      String id,
      String metric,
      double value,
      double baseline,
      String unit,
      String goal,
      String note) {
    Row r = new Row(idPrefix + id, metric + metricSuffix, value, baseline, unit, goal, note);
    synchronized (rows) {
      rows.add(r);
    }
    System.out.println("  " + format(r));
  }

  List<Row> rows() {
    synchronized (rows) {
      return List.copyOf(rows);
    }
  }

  /** A Markdown table, ready to paste into docs/performance.md. */
  String markdown() {
    StringBuilder b = new StringBuilder();
    synchronized (notes) {
      for (String n : notes) {
        b.append("- ").append(n).append('\n');
      }
      if (!notes.isEmpty()) {
        b.append('\n');
      }
    }
    b.append("| # | metric | value | baseline (limit, same run) | ratio | goal | notes |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    for (Row r : rows()) {
      b.append("| ")
          .append(r.id())
          .append(" | ")
          .append(r.metric())
          .append(" | ")
          .append(num(r.value()))
          .append(' ')
          .append(r.unit())
          .append(" | ")
          .append(Double.isNaN(r.baseline()) ? "-" : num(r.baseline()) + " " + r.unit())
          .append(" | ")
          .append(Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio()))
          .append(" | ")
          .append(r.goal())
          .append(" | ")
          .append(r.note())
          .append(" |\n");
    }
    return b.toString();
  }

  private static String format(Row r) {
    return String.format(
        Locale.ROOT,
        "%-22s %-55s %12s %-6s baseline %12s ratio %s",
        r.id(),
        r.metric(),
        num(r.value()),
        r.unit(),
        Double.isNaN(r.baseline()) ? "-" : num(r.baseline()),
        Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio()));
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
