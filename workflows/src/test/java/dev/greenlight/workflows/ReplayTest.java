package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded histories, one per path through the workflow, against today's workflow code. A
 * change that would break incidents already running fails here: guard it with {@code
 * Workflow.getVersion} instead of re-recording.
 */
class ReplayTest {
  /** Every {@code Workflow.getVersion} change the workflow makes. */
  private static final Set<String> CHANGES =
      Set.of(
          Notices.CHANGE_ID,
          AlertWatch.CHANGE_ID,
          Rails.CHANGE_ID,
          Visibility.CHANGE_ID,
          Proposals.PREVIEW_CHANGE,
          IntakeNotice.CHANGE_ID,
          FreezeWatch.CHANGE_ID,
          UndoWindow.CHANGE_ID,
          Reads.CHANGE_ID,
          RemediationWorkflowImpl.LATE_CLICKS_CHANGE,
          Helpers.CHANGE_ID,
          Notices.LEAN_REPLIES_CHANGE);

  /**
   * The version markers each recorded path carries: those of the changes in force when it was
   * recorded and on its way. Every other change must be absent, so its default path is what
   * replays.
   */
  private static final Map<String, Set<String>> MARKERS =
      Map.ofEntries(
          Map.entry("quorum-path", Set.of()),
          Map.entry("auto-path", Set.of()),
          Map.entry("reject-path", Set.of()),
          Map.entry("pick-path", Set.of()),
          Map.entry("expiry-path", Set.of()),
          Map.entry("queued-notices-path", Set.of(Notices.CHANGE_ID)),
          Map.entry("alert-resolved-path", Set.of(Notices.CHANGE_ID, AlertWatch.CHANGE_ID)),
          Map.entry("breaker-path", Set.of(Notices.CHANGE_ID, Rails.CHANGE_ID)),
          Map.entry(
              "freeze-path", Set.of(Notices.CHANGE_ID, Rails.CHANGE_ID, Visibility.CHANGE_ID)),
          Map.entry("preview-path", Set.of(Notices.CHANGE_ID, Proposals.PREVIEW_CHANGE)),
          Map.entry(
              "intake-path",
              Set.of(
                  Notices.CHANGE_ID,
                  AlertWatch.CHANGE_ID,
                  Proposals.PREVIEW_CHANGE,
                  IntakeNotice.CHANGE_ID)),
          Map.entry(
              "freeze-while-waiting-path",
              Set.of(
                  Notices.CHANGE_ID,
                  Rails.CHANGE_ID,
                  Proposals.PREVIEW_CHANGE,
                  FreezeWatch.CHANGE_ID)),
          // A workflow type of its own (ArgoGateWorkflowImpl), born with queued notices.
          Map.entry("argo-gate-path", Set.of(Notices.CHANGE_ID)),
          Map.entry(
              "undo-path",
              Set.of(Notices.CHANGE_ID, Proposals.PREVIEW_CHANGE, UndoWindow.CHANGE_ID)),
          Map.entry(
              "local-reads-path",
              Set.of(Notices.CHANGE_ID, Reads.CHANGE_ID, Proposals.PREVIEW_CHANGE)),
          Map.entry(
              "late-clicks-path",
              Set.of(
                  Notices.CHANGE_ID,
                  Reads.CHANGE_ID,
                  Proposals.PREVIEW_CHANGE,
                  RemediationWorkflowImpl.LATE_CLICKS_CHANGE)),
          Map.entry(
              "on-demand-path",
              Set.of(
                  Notices.CHANGE_ID,
                  Reads.CHANGE_ID,
                  Proposals.PREVIEW_CHANGE,
                  Rails.CHANGE_ID,
                  Helpers.CHANGE_ID)),
          Map.entry(
              "local-rails-path",
              Set.of(
                  Notices.CHANGE_ID,
                  Reads.CHANGE_ID,
                  Proposals.PREVIEW_CHANGE,
                  Rails.CHANGE_ID,
                  Helpers.CHANGE_ID)),
          // The local-rails scenario again, with replies given the lean card.
          Map.entry(
              "lean-replies-path",
              Set.of(
                  Notices.CHANGE_ID,
                  Reads.CHANGE_ID,
                  Proposals.PREVIEW_CHANGE,
                  Rails.CHANGE_ID,
                  Helpers.CHANGE_ID,
                  Notices.LEAN_REPLIES_CHANGE)));

  static Stream<String> paths() {
    return RecordHistories.PATHS.stream();
  }

  @Test
  void everyRecordedPathHasItsMarkersListed() {
    assertThat(MARKERS.keySet()).containsExactlyInAnyOrderElementsOf(RecordHistories.PATHS);
  }

  @ParameterizedTest
  @MethodSource("paths")
  void recordedIncidentReplaysOnTodaysWorkflowCode(String path) throws Exception {
    String json = history(path);
    assertThat(json).contains("EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED");
    WorkflowReplayer.replayWorkflowExecution(
        json,
        path.startsWith("argo-") ? ArgoGateWorkflowImpl.class : RemediationWorkflowImpl.class);
  }

  @ParameterizedTest
  @MethodSource("paths")
  void recordedIncidentCarriesTheMarkersOfItsTimeAndNoOthers(String path) throws Exception {
    Set<String> changes = changeIds(history(path));
    assertThat(CHANGES).as("every change a history carries is listed").containsAll(changes);
    assertThat(changes).as(path).isEqualTo(MARKERS.get(path));
  }

  @ParameterizedTest
  @MethodSource("paths")
  void onlyIncidentsWithSearchAttributesUpsertThem(String path) throws Exception {
    boolean upserts = MARKERS.get(path).contains(Visibility.CHANGE_ID);
    assertThat(history(path).contains("EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES"))
        .as(path)
        .isEqualTo(upserts);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quorum-path",
        "reject-path",
        "pick-path",
        "alert-resolved-path",
        "argo-gate-path"
      })
  void recordedClicksAndAlertsArriveAsSignals(String path) throws Exception {
    // The quorum path has four clicks (two approvals, a duplicate, a snooze), the pick path three
    // (the pick and two approvals), the reject path two (a refused approval and the reject), the
    // alert path three alerts (another one twice and its own resolving).
    int signals =
        switch (path) {
          case "quorum-path", "argo-gate-path" -> 4;
          case "pick-path", "alert-resolved-path" -> 3;
          default -> 2;
        };
    assertThat(history(path).split("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED", -1))
        .hasSize(signals + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"expiry-path"})
  void recordedTimersFireInReplay(String path) throws Exception {
    assertThat(history(path)).contains("EVENT_TYPE_TIMER_FIRED");
  }

  @Test
  void theLocalRailsPathReadItsRailsInTheWorker() throws Exception {
    WorkflowExecutionHistory h = WorkflowExecutionHistory.fromJson(history("local-rails-path"));
    assertThat(
            h.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
                .map(HistoryEvent::getMarkerRecordedEventAttributes)
                .filter(m -> m.getMarkerName().equals("Version"))
                .filter(m -> marker(m, "changeId").equals("\"" + Rails.CHANGE_ID + "\""))
                .map(m -> marker(m, "version")))
        .containsExactly("2");
    assertThat(HistoryEvents.scheduled(h)).doesNotContain("Check");
  }

  private static String marker(
      io.temporal.api.history.v1.MarkerRecordedEventAttributes m, String key) {
    return m.getDetailsOrThrow(key).getPayloads(0).getData().toStringUtf8();
  }

  /** The change IDs of a history's version markers. */
  private static Set<String> changeIds(String json) {
    return WorkflowExecutionHistory.fromJson(json).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .map(HistoryEvent::getMarkerRecordedEventAttributes)
        .filter(m -> m.getMarkerName().equals("Version"))
        .map(m -> m.getDetailsOrThrow("changeId").getPayloads(0).getData().toStringUtf8())
        .map(quoted -> quoted.substring(1, quoted.length() - 1))
        .collect(java.util.stream.Collectors.toSet());
  }

  private String history(String path) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/histories/" + path + ".json")) {
      assertThat(in).as("recorded history " + path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
