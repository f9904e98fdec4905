package dev.greenlight.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.api.Decision;
import dev.greenlight.api.Risk;
import dev.greenlight.api.SearchAttributeNames;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With {@code visibility.search-attributes} on, an incident keeps its service, risk, requester and
 * gate state in Temporal's visibility; without it, it upserts nothing (the server would refuse
 * attributes nobody registered).
 */
class SearchAttributesTest extends WorkflowFixture {

  private SearchAttributes attributes(String id) {
    return client
        .newUntypedWorkflowStub(RemediationWorkflow.workflowId(id))
        .describe()
        .getTypedSearchAttributes();
  }

  private static SearchAttributeKey<String> key(String name) {
    return SearchAttributeKey.forKeyword(name);
  }

  @Test
  void anIncidentShowsItsServiceRiskRequesterAndGateState() {
    SearchAttributeNames.ALL.forEach(
        n -> env.registerSearchAttribute(n, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    searchAttributes = true;
    classifier.answer = Fakes.classification(Risk.MEDIUM, 0.9);
    RemediationWorkflow wf = start("SA1");
    String nonce = awaitOpenGate(wf);
    env.sleep(Duration.ofMillis(200));

    SearchAttributes open = attributes("SA1");
    assertThat(open.get(key(SearchAttributeNames.SERVICE))).isEqualTo("checkout-api");
    assertThat(open.get(key(SearchAttributeNames.RISK))).isEqualTo("medium");
    assertThat(open.get(key(SearchAttributeNames.REQUESTER))).isEqualTo(REQUESTER);
    assertThat(open.get(key(SearchAttributeNames.GATE_STATE))).isEqualTo("OPEN");

    wf.decide(new Decision(Decision.Verdict.APPROVE, ALICE, nonce));
    result("SA1");
    assertThat(attributes("SA1").get(key(SearchAttributeNames.GATE_STATE))).isEqualTo("RECOVERED");
  }

  @Test
  void withoutTheSettingNothingIsUpserted() {
    classifier.answer = Fakes.classification(Risk.MEDIUM, 0.9);
    RemediationWorkflow wf = start("SA2");
    awaitOpenGate(wf);
    assertThat(attributes("SA2").size()).isZero();
  }
}
