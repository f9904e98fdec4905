package dev.greenlight.bot.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** A small catalog whose actions and probes point at {@link DemoTargets}. */
public final class TestConfig {
  public static final String ALICE = "U0ALICE";
  public static final String BOB = "U0BOB";
  public static final String MALLORY = "U0MALLORY";
  public static final String ONCALL = "U0CAROL";
  public static final String OOM_TEXT = "pods OOMKilled and restarting";
  // Not a verbatim example: a copied example goes to a person (docs/classification.md).
  public static final String CACHE_TEXT = "the cache serves stale data";
  public static final String DEPLOY_TEXT = "error rate spiked right after the deploy";

  /** A member of the user group S0SRE, which approves high-risk runbooks with Alice and Bob. */
  public static final String GROUPIE = "U0GROUPIE";

  /** Where an incident is told when Slack refuses its channel for good. */
  public static final String FALLBACK_CHANNEL = "C0FALLBACK";

  private TestConfig() {}

  public static Path write(Path dir, String targets, String approvalTimeout) throws Exception {
    return write(dir, targets, approvalTimeout, "");
  }

  /** The catalog with {@code extra} top-level YAML appended (e.g. a {@code rails} section). */
  public static Path write(Path dir, String targets, String approvalTimeout, String extra)
      throws Exception {
    String yaml =
        """
        services: [checkout-api, payments-api, search-api]
        policy:
          confidence-floor: 0.80
          approval-timeout: %2$s
        approvers: [U0ALICE, U0BOB]
        on-call: U0CAROL
        fallback-channel: C0FALLBACK
        approvals:
          high: {required: 2, self-approval: false}
        runbooks:
          - id: restart-oom-pods
            label: oom-killed
            risk: medium
            examples: ["pods OOMKilled and restarting", "container killed with exit code 137 out of memory"]
            action:
              method: POST
              url: %1$s/actions/restart?service={service}
              body: '{"service":"{service}","incident":"{incident}"}'
              headers: {Content-Type: application/json}
            verify: {url: "%1$s/health/{service}", timeout: 3s, interval: 200ms}
          - id: flush-cache
            label: stale-cache
            risk: low
            examples: ["stale data served from cache", "users see old prices, cache not invalidated"]
            action: {method: POST, url: "%1$s/actions/flush-cache?service={service}"}
            verify: {url: "%1$s/health/{service}", timeout: 3s, interval: 200ms}
          - id: rollback-deploy
            label: bad-deploy
            risk: high
            approvers: [U0ALICE, U0BOB, S0SRE]
            examples: ["error rate spiked right after the deploy", "5xx errors since the new release went out"]
            action: {method: POST, url: "%1$s/actions/rollback?service={service}"}
            verify: {url: "%1$s/health/{service}", timeout: 3s, interval: 200ms}
        """
                .formatted(targets, approvalTimeout)
            + extra;
    Path file = dir.resolve("greenlight.yml");
    Files.writeString(file, yaml);
    return file;
  }
}
