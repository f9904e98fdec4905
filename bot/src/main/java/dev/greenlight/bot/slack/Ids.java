package dev.greenlight.bot.slack;

/** Every action, block and command ID that Greenlight's Slack side uses, in one place. */
public final class Ids {
  public static final String COMMAND = "/remediate";
  public static final String APPROVE_ACTION = "greenlight_approve";
  public static final String REJECT_ACTION = "greenlight_reject";
  public static final String GATE_BLOCK = "greenlight_gate";

  private Ids() {}
}
