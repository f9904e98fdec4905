package dev.greenlight.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One labelled incident of an evaluation dataset: a JSONL line {@code {"text": ..., "service": ...,
 * "expected_label": ...}}. {@code expected_label} may be {@code unknown}; {@code service} is
 * optional.
 */
public record EvalCase(String text, String service, String expectedLabel) {
  /** The built-in dataset, written for the demo catalog. */
  public static final String BUILT_IN = "/eval/incidents.jsonl";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The second set, written independently of the catalog's examples (on-call style). */
  public static final String ONCALL = "/eval/oncall.jsonl";

  /**
   * The blind set, written by someone who saw only the demo runbooks' labels and descriptions: no
   * example, no other set, no classifier code.
   */
  public static final String BLIND = "/eval/blind.jsonl";

  /** A second blind set, by another writer and on the same terms. */
  public static final String BLIND_2 = "/eval/blind-2.jsonl";

  /**
   * A third blind set, by a third writer: never among the labelled incidents, so it stays a test of
   * text no choice was made on.
   */
  public static final String BLIND_TEST = "/eval/blind-test.jsonl";

  /** The sets {@code labelled-incidents: built-in} reads for the demo catalog. */
  public static final List<String> DEMO_LABELLED = List.of(BUILT_IN, ONCALL, BLIND, BLIND_2);

  /** The adversarial set: copied wording, other languages, homoglyphs, fake delimiters, ... */
  public static final String ADVERSARIAL = "/eval/adversarial.jsonl";

  public static List<EvalCase> builtIn() {
    return resource(BUILT_IN);
  }

  /** A dataset shipped on the classpath. */
  public static List<EvalCase> resource(String name) {
    InputStream in = EvalCase.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("built-in dataset " + name + " is missing");
    }
    return read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
  }

  /**
   * Reads a dataset file.
   *
   * @throws IllegalArgumentException with one line naming the file (and line) when it is missing,
   *     unreadable, not UTF-8 JSONL or empty
   */
  public static List<EvalCase> load(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("dataset " + file + ": no such file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("dataset " + file + ": not a readable file");
    }
    try {
      return read(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException | UncheckedIOException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      String why =
          cause instanceof java.nio.charset.CharacterCodingException
              ? "not UTF-8 text"
              : cause.getClass().getSimpleName().replace("Exception", "").toLowerCase()
                  + (cause.getMessage() == null ? "" : " " + cause.getMessage());
      throw new IllegalArgumentException("dataset " + file + ": cannot be read (" + why + ")");
    }
  }

  /**
   * Checks every expected label against the catalog's labels (and {@code unknown}).
   *
   * @throws IllegalArgumentException naming the first label the catalog does not have
   */
  public static void checkLabels(List<EvalCase> cases, Set<String> labels, String source) {
    for (int i = 0; i < cases.size(); i++) {
      String l = cases.get(i).expectedLabel();
      if (!l.equals(Verdict.UNKNOWN_LABEL) && !labels.contains(l)) {
        throw new IllegalArgumentException(
            source
                + ": case "
                + (i + 1)
                + " expects label '"
                + l
                + "', which is not in the catalog (labels: "
                + String.join(", ", new TreeSet<>(labels))
                + ", unknown)");
      }
    }
  }

  /** Reads JSONL; blank lines and lines starting with {@code #} are skipped. */
  public static List<EvalCase> read(Reader reader, String source) {
    List<EvalCase> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(reader)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException(source + ":" + n + ": not a JSON object");
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(source + ":" + n + ": not a JSON object");
        }
        if (node == null
            || !node.isObject()
            || !node.path("text").isTextual()
            || !node.path("expected_label").isTextual()
            || node.path("expected_label").asText().isBlank()) {
          throw new IllegalArgumentException(
              source + ":" + n + ": needs a text \"text\" and a text \"expected_label\"");
        }
        String service = node.path("service").isTextual() ? node.get("service").asText() : "";
        out.add(
            new EvalCase(
                node.get("text").asText(), service, node.get("expected_label").asText().strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(source + ": no cases");
    }
    return out;
  }
}
