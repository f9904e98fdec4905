package dev.greenlight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classifier.local}: the local classifier's knobs, read with defaults and checked. */
class LocalSettingsTest {
  private static LocalSettings parse(String local) {
    return ConfigLoader.parse(TestYaml.VALID + "classifier:\n  local: " + local + "\n", "test.yml")
        .classifier()
        .local();
  }

  @Test
  void withoutTheKeyTheShippedKnobsApply() {
    LocalSettings s = ConfigLoader.parse(TestYaml.VALID, "test.yml").classifier().local();

    assertThat(s).isEqualTo(LocalSettings.DEFAULT);
    assertThat(s).isEqualTo(new LocalSettings(0.5, -0.2, "built-in", 0.6));
    assertThat(s.usesOtherIncidents()).isTrue();
    assertThat(s.otherLexicalWeight()).isZero();
    assertThat(s.otherClaim()).isZero();
  }

  @Test
  void everyKeyIsReadAndAnOmittedOneKeepsItsDefault(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("others.txt"), "# ours\nthe VPN is down\n");

    assertThat(
            parse(
                "{lexical-weight: 0.3, other-margin: -0.1, other-incidents: '"
                    + file
                    + "', other-prune: 0.7}"))
        .isEqualTo(new LocalSettings(0.3, -0.1, file.toString(), 0.7));
    assertThat(parse("{lexical-weight: 0}")).isEqualTo(new LocalSettings(0, -0.2, "built-in", 0.6));
    assertThat(parse("{other-incidents: none}").usesOtherIncidents()).isFalse();
    assertThat(parse("{other-lexical-weight: 0.75}"))
        .isEqualTo(new LocalSettings(0.5, -0.2, "built-in", 0.6, 0.75));
    assertThat(parse("{other-claim: 0.05}"))
        .isEqualTo(new LocalSettings(0.5, -0.2, "built-in", 0.6, 0, 0.05));
  }

  @Test
  void aBadValueIsRefusedNamingItsKey() {
    assertThatThrownBy(() -> parse("{lexical-weight: 3}"))
        .hasMessageContaining("classifier.local.lexical-weight must be a number from 0 to 2")
        .hasMessageContaining("'3.0'");
    assertThatThrownBy(() -> parse("{other-margin: -2}"))
        .hasMessageContaining("classifier.local.other-margin must be a number from -1 to 1")
        .hasMessageContaining("other-incidents: none");
    assertThatThrownBy(() -> parse("{other-prune: 0}"))
        .hasMessageContaining("classifier.local.other-prune must be a number above 0");
    assertThatThrownBy(() -> parse("{other-claim: 1.5}"))
        .hasMessageContaining("classifier.local.other-claim must be a number from 0 to 1")
        .hasMessageContaining("'1.5'");
    assertThatThrownBy(() -> parse("{other-incidents: no-such-file.txt}"))
        .hasMessageContaining("classifier.local.other-incidents must be built-in, none or a")
        .hasMessageContaining("'no-such-file.txt'");
    assertThatThrownBy(() -> parse("{other-lexical-weight: -0.5}"))
        .hasMessageContaining("classifier.local.other-lexical-weight must be a number from 0 to 2")
        .hasMessageContaining("'-0.5'");
    assertThatThrownBy(() -> parse("{other-lexical-weight: 2.5}"))
        .hasMessageContaining("classifier.local.other-lexical-weight")
        .hasMessageContaining("'2.5'");
    assertThatThrownBy(() -> parse("{other-incidents: ''}"))
        .hasMessageContaining("classifier.local.other-incidents must be a non-empty text");
  }
}
