package dev.greenlight.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's flags: defaults, each server list, and one clear line for a bad value. */
class BenchArgsTest {
  private static BenchArgs parse(String... args) {
    return BenchArgs.parse(args, Map.of());
  }

  @Test
  void byDefaultTheFullSizeRunsTheLoopAndThePendingApprovalsOnBothServers() {
    BenchArgs a = parse();

    assertThat(a.size()).isEqualTo(Size.FULL);
    assertThat(a.servers()).containsExactly(Loop.Server.DEV_SERVER, Loop.Server.EMBEDDED);
    assertThat(a.pendingServers()).containsExactly(Loop.Server.DEV_SERVER, Loop.Server.EMBEDDED);
  }

  @Test
  void pendingApprovalsCanRunOnTheEmbeddedServerAloneWithTheirOwnSizes() {
    BenchArgs a =
        parse(
            "--size",
            "smoke",
            "--server",
            "none",
            "--pending-server",
            "embedded",
            "--pending",
            "2000, 10000");

    assertThat(a.size().name()).isEqualTo("smoke");
    assertThat(a.size().pending()).containsExactly(2000, 10000);
    assertThat(a.servers()).isEmpty();
    assertThat(a.pendingServers()).isEqualTo(List.of(Loop.Server.EMBEDDED));
  }

  @Test
  void aBadValueNamesItsFlagAndWhatWasGiven() {
    assertThatThrownBy(() -> parse("--pending-server", "cluster"))
        .hasMessage("--pending-server must be dev-server, embedded, both or none (got cluster)");
    assertThatThrownBy(() -> parse("--pending", "10k"))
        .hasMessageContaining("--pending must be a comma-separated list of positive counts")
        .hasMessageContaining("10k");
    assertThatThrownBy(() -> parse("--pending", "0")).hasMessageContaining("(got 0)");
    assertThatThrownBy(() -> parse("--size", "huge")).hasMessageContaining("(got huge)");
    assertThatThrownBy(() -> parse("--server")).hasMessage("--server needs a value");
    assertThatThrownBy(() -> parse("--verbose", "yes")).hasMessage("unknown option --verbose");
    assertThatThrownBy(() -> parse("--server", "address"))
        .hasMessageContaining("needs TEMPORAL_ADDRESS");
  }
}
