package dev.greenlight.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The exact proposal an approval is bound to: runbook, label and the rendered action (method,
 * target and parameters). Approvers approve this hash; the action re-checks it before it runs.
 */
public final class Proposal {
  private Proposal() {}

  /** A stable SHA-256 over the proposal's parts. Deterministic: safe in workflow code. */
  public static String hash(String runbookId, String label, String action) {
    String text = runbookId + "\n" + label + "\n" + action;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
