package dev.greenlight.classify;

import java.util.List;

/**
 * Every labelled set written for the demo catalog, for the tests that run the classifier on all.
 */
final class DemoSets {
  private DemoSets() {}

  /** The sets' resource names: the project's own, the adversarial one and the blind ones. */
  static List<String> all() {
    return List.of(
        "/eval/incidents.jsonl",
        "/eval/oncall.jsonl",
        "/eval/adversarial.jsonl",
        "/eval/holdout.jsonl",
        EvalCase.BLIND,
        EvalCase.BLIND_2,
        EvalCase.BLIND_TEST,
        "/eval/blind-4.jsonl",
        "/eval/blind-5.jsonl");
  }
}
