package dev.greenlight.action.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of the Job a {@code run-job} action creates: the prefix (the catalog's {@code name}, or
 * the runbook ID) and the first 10 hex digits of the SHA-256 of the idempotency key. Every retry of
 * one approval computes the same name, so it finds and adopts the Job instead of creating another;
 * the verifier computes it the same way.
 */
final class JobNames {
  private static final int PREFIX_MAX = 52;

  private JobNames() {}

  static String of(String prefix, String runbookId, String idempotencyKey) {
    String p = prefix == null ? runbookId : prefix;
    if (p.length() > PREFIX_MAX) {
      p = p.substring(0, PREFIX_MAX);
    }
    while (p.endsWith("-") || p.endsWith(".")) {
      p = p.substring(0, p.length() - 1);
    }
    return p + "-" + hash(idempotencyKey).substring(0, 10);
  }

  private static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
