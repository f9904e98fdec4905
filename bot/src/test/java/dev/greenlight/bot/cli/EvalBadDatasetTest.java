package dev.greenlight.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code greenlight eval} on a dataset it cannot read: one clear line, exit code 2. */
class EvalBadDatasetTest {
  private static final String GOOD_LINE =
      "{\"text\":\"pods OOMKilled and restarting\",\"service\":\"checkout-api\","
          + "\"expected_label\":\"oom-killed\"}";

  @TempDir Path dir;

  private static Run eval(String... args) {
    return Run.of(args);
  }

  @Test
  void badDatasetLineIsReportedWithItsLineNumber() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), GOOD_LINE + "\n{\"text\":\"x\"}\n");

    Run r = eval("eval", "--dataset", bad.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.jsonl:2");
  }

  @Test
  void aMissingDatasetIsOneClearLine() {
    Path missing = dir.resolve("nope.jsonl");

    Run r = eval("eval", "--dataset", missing.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("greenlight: dataset " + missing + ": no such file");
  }

  @Test
  void aMalformedDatasetIsOneClearLine() throws IOException {
    Path binary = Files.write(dir.resolve("bin.jsonl"), new byte[] {(byte) 0xC3, (byte) 0x28, 10});
    Path wrongLabel =
        Files.writeString(
            dir.resolve("label.jsonl"),
            "{\"text\":\"disk full\",\"expected_label\":\"disk-full\"}\n");

    for (Path p : List.of(binary, wrongLabel, dir)) {
      Run r = eval("eval", "--dataset", p.toString());
      assertThat(r.code()).as(p.toString()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).contains(p.toString()).doesNotContain("Exception", "\tat ");
    }
    assertThat(eval("eval", "--dataset", wrongLabel.toString()).err())
        .contains("'disk-full'", "not in the catalog");
  }
}
