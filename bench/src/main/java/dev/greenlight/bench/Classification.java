package dev.greenlight.bench;

import dev.greenlight.classify.Calibration;
import dev.greenlight.classify.CombinedClassifier;
import dev.greenlight.classify.EmbeddingClassifier;
import dev.greenlight.classify.LocalClassifier;
import dev.greenlight.config.ClassifierSettings;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;
import dev.greenlight.embedding.MiniLmEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * 3. Classification: the whole local classification per incident text, as the classify activity
 * runs it ({@code CombinedClassifier} in local mode: normalization, negation, embedding, lexical
 * share, the "other incidents" test, calibration and every guard, parts included) against one raw
 * {@code model.embed()} of the same text, interleaved after warm-up; and the model load (first in
 * the JVM) with the catalog and the "other incidents" reference embedded.
 */
final class Classification {
  private static final int WARMUP = 50;

  static final List<String> INCIDENTS =
      List.of(
          "pods OOMKilled and restarting since 14:02",
          "checkout pods keep getting killed, exit code 137",
          "users see yesterday's prices, looks like the cache",
          "the cache serves stale data; checkout pods got OOMKilled twice",
          "KubePodCrashLooping checkout-api-7d9f Last State: Terminated Reason: OOMKilled",
          "stale product data after the deploy",
          "p99 latency doubled on search, no errors",
          "memory climbs until the container is killed",
          "cache not invalidated after price update",
          "TLS certificate expired on the payments endpoint",
          "disk full on the database replica",
          "the payments api returns 502 for a third of requests");

  private Classification() {}

  static void measure(Size size, Table t) throws Exception {
    GreenlightConfig config =
        ConfigLoader.parse(Files.readString(Loop.writeConfig("http://127.0.0.1:9")), "bench.yml");
    long t0 = System.nanoTime();
    EmbeddingClassifier embeddings = new EmbeddingClassifier(config.runbooks());
    long load = System.nanoTime() - t0;
    CombinedClassifier classifier = local(config, embeddings);
    t0 = System.nanoTime();
    EmbeddingModel raw = MiniLmEmbeddingModel.load();
    long rawLoad = System.nanoTime() - t0;
    Stats[] ce = sample(classifier, raw, size);
    Stats c = ce[0];
    Stats e = ce[1];
    String n = sampled(c);
    t.add("classify_p50", "Classification per incident, p50", c.p50(), e.p50(), "ms", "-", n);
    t.add("classify_p99", "Classification per incident, p99", c.p99(), e.p99(), "ms", "-", n);
    t.add(
        "model_load",
        "Model load + catalog embedding (first in this JVM)",
        load / 1e6,
        rawLoad / 1e6,
        "ms",
        "-",
        "baseline = loading the same model again in the warm JVM (no catalog)");
    labelled(size, t, raw);
  }

  /**
   * The demo catalog as it ships, with its labelled incidents ({@code classifier.local
   * .labelled-incidents: built-in}): the same texts, against the same raw embedding.
   */
  private static void labelled(Size size, Table t, EmbeddingModel raw) {
    GreenlightConfig demo = ConfigLoader.loadDemo();
    CombinedClassifier classifier =
        local(demo, new EmbeddingClassifier(demo.runbooks(), demo.classifier().local()));
    Stats[] ce = sample(classifier, raw, size);
    Stats c = ce[0];
    Stats e = ce[1];
    String n = "demo catalog with labelled-incidents: built-in; " + sampled(c);
    t.add(
        "classify_labelled_p50",
        "  the same, with labelled incidents, p50",
        c.p50(),
        e.p50(),
        "ms",
        "< 15 ms",
        n);
    t.add(
        "classify_labelled_p99",
        "  the same, with labelled incidents, p99",
        c.p99(),
        e.p99(),
        "ms",
        "-",
        n);
  }

  /** The notes column of a sampled row: how many samples, and what the baseline is. */
  private static String sampled(Stats c) {
    return "n="
        + c.n()
        + " after "
        + WARMUP
        + " warm-up; baseline = one raw model.embed() of the same text";
  }

  /** The whole local classification, as the classify activity runs it in local mode. */
  private static CombinedClassifier local(GreenlightConfig config, EmbeddingClassifier e) {
    return new CombinedClassifier(
        config,
        ClassifierSettings.LOCAL,
        new LocalClassifier(
            e,
            LocalClassifier.Strategy.NEAREST,
            Calibration.DEFAULT,
            config.policy().minSimilarity()),
        null);
  }

  /**
   * The classifier's and the raw embedding's latencies on the same texts, interleaved, after a
   * warm-up of both.
   */
  private static Stats[] sample(CombinedClassifier classifier, EmbeddingModel raw, Size size) {
    for (int i = 0; i < WARMUP; i++) {
      classifier.classify("checkout-api", "BENCH", INCIDENTS.get(i % INCIDENTS.size()));
      raw.embed(INCIDENTS.get(i % INCIDENTS.size()));
    }
    List<Long> cls = new ArrayList<>();
    List<Long> emb = new ArrayList<>();
    for (int i = 0; i < size.classifySamples(); i++) {
      String text = INCIDENTS.get(i % INCIDENTS.size());
      long t0 = System.nanoTime();
      classifier.classify("checkout-api", "BENCH", text);
      cls.add(System.nanoTime() - t0);
      t0 = System.nanoTime();
      raw.embed(text);
      emb.add(System.nanoTime() - t0);
    }
    return new Stats[] {Stats.of(cls), Stats.of(emb)};
  }
}
