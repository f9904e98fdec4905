package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories, one per path through the workflow, against today's workflow code. A
 * change that would break incidents already running fails here: guard it with {@code
 * Workflow.getVersion} instead of re-recording.
 */
class ReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quorum-path",
        "auto-path",
        "reject-path",
        "pick-path",
        "expiry-path",
        "queued-notices-path",
        "alert-resolved-path",
        "breaker-path",
        "freeze-path",
        "preview-path"
      })
  void recordedIncidentReplaysOnTodaysWorkflowCode(String path) throws Exception {
    String json = history(path + ".json");
    assertThat(json).contains("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED");
    WorkflowReplayer.replayWorkflowExecution(json, RemediationWorkflowImpl.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"quorum-path", "reject-path", "pick-path"})
  void recordedClicksArriveAsSignals(String path) throws Exception {
    // The quorum path has four clicks (two approvals, a duplicate, a snooze), the pick path three
    // (the pick and two approvals) and the reject path two (a refused approval and the reject).
    int clicks = path.equals("quorum-path") ? 4 : path.equals("pick-path") ? 3 : 2;
    assertThat(history(path + ".json").split("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED", -1))
        .hasSize(clicks + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"expiry-path"})
  void recordedTimersFireInReplay(String path) throws Exception {
    assertThat(history(path + ".json")).contains("EVENT_TYPE_TIMER_FIRED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"queued-notices-path"})
  void incidentsSinceQueuedNotificationsCarryTheVersionMarker(String path) throws Exception {
    assertThat(history(path + ".json"))
        .contains("EVENT_TYPE_MARKER_RECORDED", encoded(Notices.CHANGE_ID));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quorum-path", "auto-path", "reject-path", "pick-path", "expiry-path"})
  void incidentsFromBeforeQueuedNotificationsHaveNoMarker(String path) throws Exception {
    assertThat(history(path + ".json")).doesNotContain(encoded(Notices.CHANGE_ID));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alert-resolved-path"})
  void alertIncidentsCarryTheAlertVersionMarkerAndTheirSignals(String path) throws Exception {
    String json = history(path + ".json");
    assertThat(json).contains(encoded(AlertWatch.CHANGE_ID));
    // Another alert twice and the own alert resolving.
    assertThat(json.split("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED", -1)).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"breaker-path", "freeze-path"})
  void incidentsWithRailsCarryTheRailsMarker(String path) throws Exception {
    assertThat(history(path + ".json"))
        .contains("EVENT_TYPE_MARKER_RECORDED", encoded(Rails.CHANGE_ID));
  }

  @ParameterizedTest
  @ValueSource(strings = {"preview-path"})
  void incidentsSinceTheActionPreviewCarryItsMarker(String path) throws Exception {
    assertThat(history(path + ".json")).contains(encoded(Proposals.PREVIEW_CHANGE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quorum-path",
        "auto-path",
        "reject-path",
        "pick-path",
        "expiry-path",
        "queued-notices-path",
        "alert-resolved-path",
        "preview-path"
      })
  void incidentsFromBeforeTheRailsHaveNoRailsMarkerNorSearchAttributes(String path)
      throws Exception {
    assertThat(history(path + ".json"))
        .doesNotContain(encoded(Rails.CHANGE_ID))
        .doesNotContain("EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES");
  }

  @ParameterizedTest
  @ValueSource(strings = {"freeze-path"})
  void incidentsWithSearchAttributesUpsertThem(String path) throws Exception {
    assertThat(history(path + ".json"))
        .contains(encoded(Visibility.CHANGE_ID), "EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quorum-path",
        "auto-path",
        "reject-path",
        "pick-path",
        "expiry-path",
        "queued-notices-path",
        "breaker-path",
        "freeze-path",
        "preview-path"
      })
  void incidentsAPersonReportedHaveNoAlertMarker(String path) throws Exception {
    assertThat(history(path + ".json")).doesNotContain(encoded(AlertWatch.CHANGE_ID));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quorum-path",
        "auto-path",
        "reject-path",
        "pick-path",
        "expiry-path",
        "queued-notices-path",
        "alert-resolved-path",
        "breaker-path",
        "freeze-path"
      })
  void incidentsFromBeforeTheActionPreviewHaveNoMarker(String path) throws Exception {
    assertThat(history(path + ".json")).doesNotContain(encoded(Proposals.PREVIEW_CHANGE));
  }

  /**
   * How a change ID stands in a history: a JSON string payload, base64-encoded (without the
   * padding, which the recorded JSON escapes as {@code \u003d}).
   */
  private static String encoded(String changeId) {
    return java.util.Base64.getEncoder()
        .withoutPadding()
        .encodeToString(("\"" + changeId + "\"").getBytes(StandardCharsets.UTF_8));
  }

  private String history(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/" + name)) {
      assertThat(in).as("recorded history " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
