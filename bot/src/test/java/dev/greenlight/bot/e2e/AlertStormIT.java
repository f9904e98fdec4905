package dev.greenlight.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storm control end to end: at most {@code max-open} alert incidents are open; the alerts held back
 * are summed up in the channel (one summary per interval, the late ones in the next), and a repeat
 * opens its incident once one closes. Per service, further alerts join the open thread.
 */
class AlertStormIT extends AlertFixture {

  @Override
  String alertsSection() {
    return """
        alerts:
          channel: C0ALERTS
          max-open-per-service: 1
          max-open: 2
          storm-summary-every: 3s
        """;
  }

  @Test
  void beyondTheGlobalCapAlertsAreSummedUpAndARepeatOpensOnceThereIsRoom() throws Exception {
    Answer storm =
        fire(
            payload(
                alert("firing", "PodsOOMKilled", "cart-api", "st-1", T0),
                alert("firing", "PodsOOMKilled", "orders-api", "st-2", T0),
                alert("firing", "PodsOOMKilled", "cart-api", "st-3", T0),
                alert("firing", "DiskFull", "ledger-api", "st-4", T0),
                alert("firing", "DiskFull", "stock-api", "st-5", T0)));
    assertThat(storm.count("started")).isEqualTo(2);
    assertThat(storm.count("joined")).isEqualTo(1);
    assertThat(storm.count("heldBack")).isEqualTo(2);

    String first =
        await().atMost(Duration.ofSeconds(10)).until(() -> summaries(), s -> !s.isEmpty()).get(0);
    assertThat(first)
        .contains("Alert storm: 2 alert incidents are open", "2 alerts were not opened")
        .contains("ledger-api", "stock-api")
        .doesNotContain("cart-api");

    // Within the interval: held back, and named in the next summary rather than a new one at once.
    assertThat(fire(payload(alert("firing", "DiskFull", "mail-api", "st-6", T0))).count("heldBack"))
        .isEqualTo(1);
    assertThat(summaries()).hasSize(1);
    String second =
        await().atMost(Duration.ofSeconds(15)).until(() -> summaries(), s -> s.size() == 2).get(1);
    assertThat(second).contains("1 alert was not opened", "mail-api");

    // One incident resolves and closes: the held-back alert's repeat now opens its own.
    String orders = incidentId("st-2", T0);
    awaitReply(orders, "Waiting for approval");
    fire(payload(alert("resolved", "PodsOOMKilled", "orders-api", "st-2", T0)));
    awaitReply(orders, "resolved on its own");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fire(payload(alert("firing", "DiskFull", "ledger-api", "st-4", T0)))
                    .count("started"),
            n -> n == 1);
    awaitCard(incidentId("st-4", T0));
    assertThat(cards(incidentId("st-5", T0))).isEmpty();
    assertThat(awaitReply(incidentId("st-1", T0), "Also firing"))
        .anySatisfy(r -> assertThat(r).contains("PodsOOMKilled on cart-api"));
  }

  private List<String> summaries() {
    return notices().stream().filter(t -> t.contains("Alert storm")).toList();
  }
}
