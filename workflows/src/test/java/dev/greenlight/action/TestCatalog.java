package dev.greenlight.action;

import dev.greenlight.config.ConfigLoader;
import dev.greenlight.config.GreenlightConfig;

/**
 * A one-runbook {@code http} catalog, read by the real loader, for the action and activity tests.
 */
public final class TestCatalog {
  private TestCatalog() {}

  /** Runbook {@code restart-oom-pods} whose action and probe point at {@code base}. */
  public static GreenlightConfig http(String base) {
    return ConfigLoader.parse(
        """
        services: [checkout-api]
        approvers: [U0ALICE]
        on-call: U0CAROL
        runbooks:
          - id: restart-oom-pods
            label: oom-killed
            risk: medium
            examples: [pods OOMKilled]
            action:
              method: POST
              url: %1$sactions/restart?service={service}
              body: '{"service":"{service}","incident":"{incident}"}'
              headers: {Content-Type: application/json}
            verify:
              url: %1$shealth/{service}
              timeout: 2s
              interval: 10ms
        """
            .formatted(base),
        "test");
  }
}
