package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.LocalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classifier.local.other-incidents}: the bundled reference, none, or a team's own file. */
class OtherIncidentsSourceTest {
  private static LocalSettings source(String s) {
    return new LocalSettings(0.5, -0.2, s, 0.6);
  }

  @Test
  void theBuiltInReferenceIsTheHandWrittenListAndEveryAlertRuleName() {
    var lines = OtherIncidents.lines(LocalSettings.DEFAULT);

    assertThat(lines).contains("TLS certificate has expired", "Host out of memory");
    assertThat(lines).hasSizeGreaterThan(1000).noneMatch(l -> l.startsWith("#") || l.isBlank());
    assertThat(OtherIncidents.lines(source("none"))).isEmpty();
  }

  @Test
  void aTeamsOwnFileReplacesItAndAnUnreadableOneNamesTheKey(@TempDir Path dir) throws IOException {
    Path own =
        Files.writeString(dir.resolve("ours.txt"), "# ours\n\nthe VPN is down\n badge reader \n");
    assertThat(OtherIncidents.lines(source(own.toString())))
        .containsExactly("the VPN is down", "badge reader");

    Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    assertThatThrownBy(() -> OtherIncidents.lines(source(latin1.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("classifier.local.other-incidents")
        .hasMessageContaining("is not UTF-8 text");
  }
}
