package dev.greenlight.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the whole harness at the smoke size, the loop and the pending approvals against the
 * standalone and the embedded server. It takes about a minute on 2 cores (two cold JVM starts, the
 * model, four Temporal servers), over the 60 s budget of the normal test run, so it runs only with
 * {@code -Dbench.smoke=true}; CI compiles the module.
 */
class BenchSmokeTest {
  @Test
  @EnabledIfSystemProperty(named = "bench.smoke", matches = "true")
  void smokeSizeFillsEveryRowWithMeasuredNumbers() throws Exception {
    Table table = BenchMain.run(Size.SMOKE);

    List<String> ids = table.rows().stream().map(Table.Row::id).toList();
    assertThat(ids)
        .contains(
            "classify_p50",
            "classify_p99",
            "model_load",
            "cold_start",
            "click_gate_p50",
            "click_gate_p99",
            "click_query_p50",
            "ack_slash_p50",
            "ack_slash_p99",
            "ack_slash_max",
            "ack_click_p50",
            "ack_click_p99",
            "ack_click_max",
            "throughput",
            "e2e_p50",
            "e2e_p99",
            "task_lag_p50",
            "pending_0_heap",
            "pending_10_floor",
            "pending_10_floor_release",
            "pending_10_heap",
            "pending_10_threads",
            "pending_10_release",
            "pending_20_heap",
            "emb_click_gate_p50",
            "emb_ack_click_p99",
            "emb_throughput",
            "emb_pending_0_heap",
            "emb_pending_10_floor",
            "emb_pending_10_fill",
            "emb_pending_10_heap",
            "emb_pending_10_release",
            "emb_pending_20_release");
    for (Table.Row row : table.rows()) {
      if (row.id().contains("task_lag_")) {
        // Schedule-to-start comes from server timestamps at millisecond resolution: on a quiet
        // machine most activities start within the same millisecond, so zero is a measurement.
        assertThat(row.value()).as(row.id()).isNotNegative();
        assertThat(row.note()).as(row.id()).doesNotStartWith("n=0");
      } else {
        assertThat(row.value()).as(row.id()).isPositive();
      }
    }
    assertThat(table.markdown()).contains("| click_gate_p50 |");
  }
}
