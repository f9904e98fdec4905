package dev.greenlight.workflows;

/** A person's answer at the gate, carried by the {@code decide} signal. */
public record Decision(Verdict verdict, String userId, String nonce) {
  /** What the person chose. */
  public enum Verdict {
    APPROVE,
    REJECT
  }
}
