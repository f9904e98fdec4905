package dev.greenlight.bot.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** A small catalog whose actions and probes point at {@link DemoTargets}. */
final class TestConfig {
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";
  static final String MALLORY = "U0MALLORY";
  static final String ONCALL = "U0CAROL";
  static final String OOM_TEXT = "pods OOMKilled and restarting";
  static final String CACHE_TEXT = "stale data served from cache";

  private TestConfig() {}

  static Path write(Path dir, String targets, String approvalTimeout) throws Exception {
    String yaml = """
        services: [checkout-api, payments-api, search-api]
        policy:
          confidence-floor: 0.80
          approval-timeout: %2$s
        approvers: [U0ALICE, U0BOB]
        on-call: U0CAROL
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
        """.formatted(targets, approvalTimeout);
    Path file = dir.resolve("greenlight.yml");
    Files.writeString(file, yaml);
    return file;
  }
}
