package dev.greenlight.worker;

import dev.greenlight.api.SearchAttributeNames;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers Greenlight's search attributes on the SDK's test server (embedded or {@code
 * dev-server}), which accepts only registered ones. A real cluster is left alone: its operator
 * registers them once ({@code temporal operator search-attribute create}, see docs/views.md).
 */
final class SearchAttributeRegistration {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);

  private SearchAttributeRegistration() {}

  static void register(WorkflowClient client) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(client.getWorkflowServiceStubs().getRawChannel())
                .build());
    try {
      AddSearchAttributesRequest.Builder req =
          AddSearchAttributesRequest.newBuilder().setNamespace(client.getOptions().getNamespace());
      SearchAttributeNames.ALL.forEach(
          name -> req.putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      operator.blockingStub().addSearchAttributes(req.build());
      log.info("Registered search attributes {}", SearchAttributeNames.ALL);
    } catch (StatusRuntimeException e) {
      // Already there (a second worker on the same dev-server): nothing to do.
      log.info("Search attributes not registered: {}", e.getStatus());
    } finally {
      operator.shutdown();
    }
  }
}
