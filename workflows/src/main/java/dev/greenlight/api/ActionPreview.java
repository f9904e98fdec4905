package dev.greenlight.api;

/**
 * What the approved action would change, asked of its target before the card is posted (for {@code
 * kubernetes}, a server-side dry run): shown to the approver, never a condition of the run.
 *
 * @param kind whether the target described the change, refused even the dry run, or could not be
 *     asked
 * @param text the executor's own words (e.g. {@code replicas 3 -> 6}) or the refusal or problem
 */
public record ActionPreview(Kind kind, String text) {
  /** The three answers a preview can get. */
  public enum Kind {
    /** The target checked the change without making it; {@code text} says what it is. */
    CHANGE,
    /** The target refused the dry run (RBAC, not found): the action would fail the same way. */
    REFUSED,
    /** The target could not be asked (unreachable, timed out): nothing is known either way. */
    UNAVAILABLE
  }

  public ActionPreview {
    if (kind == null) {
      throw new IllegalArgumentException("an action preview needs a kind");
    }
    text = text == null ? "" : text;
  }

  public static ActionPreview change(String text) {
    return new ActionPreview(Kind.CHANGE, text);
  }

  public static ActionPreview refused(String why) {
    return new ActionPreview(Kind.REFUSED, why);
  }

  public static ActionPreview unavailable(String why) {
    return new ActionPreview(Kind.UNAVAILABLE, why);
  }
}
