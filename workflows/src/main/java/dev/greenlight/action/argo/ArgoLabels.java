package dev.greenlight.action.argo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The labels Greenlight puts on the workflows it submits, and the names it gives them.
 *
 * <p>The idempotency key {@code <workflowId>:<runbookId>} is not a valid Kubernetes label value (it
 * has a colon and may exceed 63 characters), so the label carries the first 40 hex digits of its
 * SHA-256: the same on every retry, valid as a label value, and 160 bits against collisions. The
 * workflow's name is derived from the same hash, so even two attempts racing past the label lookup
 * cannot create two workflows: the second submit is answered 409 and adopts the first.
 */
final class ArgoLabels {
  static final String KEY = "greenlight.dev/idempotency-key";
  static final String INCIDENT = "greenlight.dev/incident";
  static final String RUNBOOK = "greenlight.dev/runbook";

  /** Part 2: a running workflow carrying {@code greenlight.dev/gate=true} opts into Slack gates. */
  static final String GATE = "greenlight.dev/gate";

  private static final int HASH_HEX = 40;
  private static final int NAME_PREFIX = 40;

  private ArgoLabels() {}

  /** The label value for an idempotency key: 40 lowercase hex digits of its SHA-256. */
  static String keyHash(String idempotencyKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The label selector that finds the workflow of one key. */
  static String selector(String keyHash) {
    return KEY + "=" + keyHash;
  }

  /**
   * A valid label value for {@code text}: characters outside {@code [A-Za-z0-9._-]} become {@code
   * -}, at most 63 characters, starting and ending with a letter or digit; empty when nothing is
   * left.
   */
  static String value(String text) {
    String v = text.replaceAll("[^A-Za-z0-9._-]", "-");
    if (v.length() > 63) {
      v = v.substring(0, 63);
    }
    return v.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }

  /** {@code SubmitOpts.labels}: {@code k1=v1,k2=v2}, values already valid. */
  static String submitLabels(Map<String, String> labels) {
    StringJoiner out = new StringJoiner(",");
    labels.forEach((k, v) -> out.add(k + "=" + v));
    return out.toString();
  }

  /**
   * The workflow's name: the template's name (at most 40 characters, dots as dashes) and the first
   * 10 hex digits of the key's hash, e.g. {@code fix-oom-3f9a1c2b7d}.
   */
  static String workflowName(String template, String keyHash) {
    String prefix = template.toLowerCase(Locale.ROOT).replace('.', '-');
    if (prefix.length() > NAME_PREFIX) {
      prefix = prefix.substring(0, NAME_PREFIX);
    }
    prefix = prefix.replaceAll("-+$", "");
    return prefix + "-" + keyHash.substring(0, 10);
  }
}
