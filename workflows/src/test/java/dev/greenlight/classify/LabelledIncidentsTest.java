package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.LocalSettings;
import dev.greenlight.config.Runbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classifier.local.labelled-incidents} is read and checked against the catalog at start. */
class LabelledIncidentsTest {
  private final List<Runbook> demo = ConfigLoader.loadDemo().runbooks();

  @TempDir Path dir;

  @Test
  void noneReadsNothing() {
    assertThat(LabelledIncidents.load(LocalSettings.DEFAULT, demo)).isEmpty();
  }

  @Test
  void builtInIsTheFourSetsBundledForTheDemoCatalog() {
    List<LabelledIncidents.Labelled> all =
        LabelledIncidents.load(LocalSettings.DEFAULT.withLabelledIncidents("built-in"), demo);

    int expected =
        EvalCase.builtIn().size()
            + EvalCase.resource(EvalCase.ONCALL).size()
            + EvalCase.resource(EvalCase.BLIND).size()
            + EvalCase.resource(EvalCase.BLIND_2).size();
    assertThat(all).hasSize(expected);
    assertThat(all).anyMatch(l -> l.runbook() == null);
    assertThat(all).allMatch(l -> l.runbook() == null || demo.contains(l.runbook()));
  }

  @Test
  void theBlindTestSetIsNeverAmongTheBuiltInIncidents() {
    // It is the one set no choice is made on; scoring it must not find its own cases.
    List<LabelledIncidents.Labelled> all =
        LabelledIncidents.load(LocalSettings.DEFAULT.withLabelledIncidents("built-in"), demo);
    List<String> blindTest =
        EvalCase.resource(EvalCase.BLIND_TEST).stream().map(EvalCase::text).toList();

    assertThat(blindTest).hasSizeGreaterThan(100);
    assertThat(all).noneMatch(l -> blindTest.contains(l.text()));
  }

  @Test
  void aFileIsReadWithUnknownAsNoRunbook() throws IOException {
    Path file =
        write(
            "{\"text\": \"disk full on node-3\", \"expected_label\": \"unknown\"}\n"
                + "{\"text\": \"pods OOMKilled again\", \"expected_label\": \"oom-killed\"}\n");

    List<LabelledIncidents.Labelled> read =
        LabelledIncidents.load(LocalSettings.DEFAULT.withLabelledIncidents(file.toString()), demo);

    assertThat(read)
        .extracting(LabelledIncidents.Labelled::text)
        .containsExactly("disk full on node-3", "pods OOMKilled again");
    assertThat(read.get(0).runbook()).isNull();
    assertThat(read.get(1).runbook().label()).isEqualTo("oom-killed");
  }

  @Test
  void aLabelTheCatalogDoesNotHaveFailsAtStartNamingTheFileAndTheCase() throws IOException {
    Path file =
        write(
            "{\"text\": \"pods OOMKilled\", \"expected_label\": \"oom-killed\"}\n"
                + "{\"text\": \"disk full\", \"expected_label\": \"disk-full\"}\n");
    LocalSettings local = LocalSettings.DEFAULT.withLabelledIncidents(file.toString());

    assertThatThrownBy(() -> LabelledIncidents.load(local, demo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("classifier.local.labelled-incidents")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("case 2")
        .hasMessageContaining("'disk-full'");
  }

  @Test
  void aLineThatIsNotJsonFailsAtStartNamingTheLine() throws IOException {
    Path file =
        write("{\"text\": \"pods OOMKilled\", \"expected_label\": \"oom-killed\"}\nnot json\n");
    LocalSettings local = LocalSettings.DEFAULT.withLabelledIncidents(file.toString());

    assertThatThrownBy(() -> LabelledIncidents.load(local, demo))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("classifier.local.labelled-incidents")
        .hasMessageContaining(file + ":2: not a JSON object");
  }

  @Test
  void aMissingFileIsRefusedByTheSettingsNamingTheKey() {
    assertThatThrownBy(
            () -> LocalSettings.DEFAULT.withLabelledIncidents(dir.resolve("nope.jsonl").toString()))
        .hasMessageContaining("labelled-incidents")
        .hasMessageContaining("nope.jsonl")
        .hasMessageContaining("must be built-in, none or a readable file");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("labelled.jsonl");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aThinSetIsWarnedAboutNamingTheLabelsWithFewIncidents() {
    Runbook oom =
        demo.stream().filter(r -> r.label().equals("oom-killed")).findFirst().orElseThrow();
    List<LabelledIncidents.Labelled> thin =
        java.util.stream.IntStream.range(0, 30)
            .mapToObj(i -> new LabelledIncidents.Labelled(oom, "pods OOMKilled " + i))
            .toList();

    assertThat(LabelledIncidents.thin(thin, demo))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .contains("30 incidents", "stale-cache (0)", "bad-deploy (0)", "unknown (0)")
                    .doesNotContain("oom-killed ("));
    assertThat(LabelledIncidents.thin(List.of(), demo)).isEmpty();
  }

  @Test
  void theDemosBuiltInSetIsNotThin() {
    List<LabelledIncidents.Labelled> all =
        LabelledIncidents.load(LocalSettings.DEFAULT.withLabelledIncidents("built-in"), demo);

    assertThat(LabelledIncidents.thin(all, demo)).isEmpty();
  }
}
