package dev.greenlight.workflows;

import static dev.greenlight.api.SearchAttributeNames.GATE_STATE;
import static dev.greenlight.api.SearchAttributeNames.REQUESTER;
import static dev.greenlight.api.SearchAttributeNames.RISK;
import static dev.greenlight.api.SearchAttributeNames.SERVICE;

import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.Risk;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the incident's search attributes (service, risk, gate state, requester) up to date, when
 * its policy asks for them: each change is one upsert, and only a change is. Guarded by {@link
 * #CHANGE_ID}; incidents without {@code searchAttributes} (all recorded ones) upsert nothing.
 */
final class Visibility {
  /** The {@code Workflow.getVersion} change that added the upserts. */
  static final String CHANGE_ID = "search-attributes";

  private static final SearchAttributeKey<String> SERVICE_KEY =
      SearchAttributeKey.forKeyword(SERVICE);
  private static final SearchAttributeKey<String> RISK_KEY = SearchAttributeKey.forKeyword(RISK);
  private static final SearchAttributeKey<String> GATE_KEY =
      SearchAttributeKey.forKeyword(GATE_STATE);
  private static final SearchAttributeKey<String> REQUESTER_KEY =
      SearchAttributeKey.forKeyword(REQUESTER);

  private final boolean on;
  private String service;
  private String requester;
  private String risk;
  private String gate;

  Visibility(IncidentRequest request) {
    on =
        request.policy().searchAttributes()
            && Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /** Upserts what changed since the last call. */
  void show(IncidentRequest request, Risk newRisk, String gateState) {
    if (!on) {
      return;
    }
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    if (!Objects.equals(service, request.service())) {
      service = request.service();
      updates.add(SERVICE_KEY.valueSet(service));
    }
    if (!Objects.equals(requester, request.requesterId())) {
      requester = request.requesterId();
      updates.add(REQUESTER_KEY.valueSet(requester));
    }
    String r = newRisk == null ? null : newRisk.label();
    if (r != null && !r.equals(risk)) {
      risk = r;
      updates.add(RISK_KEY.valueSet(risk));
    }
    if (!Objects.equals(gate, gateState)) {
      gate = gateState;
      updates.add(GATE_KEY.valueSet(gate));
    }
    if (!updates.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(updates.toArray(new SearchAttributeUpdate<?>[0]));
    }
  }
}
