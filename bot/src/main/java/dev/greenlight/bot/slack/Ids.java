package dev.greenlight.bot.slack;

/** Every action, block, callback and command ID that Greenlight's Slack side uses, in one place. */
public final class Ids {
  public static final String COMMAND = "/remediate";
  public static final String APPROVE_ACTION = "greenlight_approve";
  public static final String REJECT_ACTION = "greenlight_reject";
  public static final String SNOOZE_30_ACTION = "greenlight_snooze_30";
  public static final String SNOOZE_120_ACTION = "greenlight_snooze_120";
  public static final String PICK_ACTION = "greenlight_pick";
  public static final String CLOSE_ACTION = "greenlight_close";
  public static final String GATE_BLOCK = "greenlight_gate";
  public static final String RESET_BREAKER_ACTION = "greenlight_reset_breaker";
  public static final String RAILS_BLOCK = "greenlight_rails";
  public static final String REJECT_MODAL = "greenlight_reject_modal";
  public static final String REASON_BLOCK = "reason_block";
  public static final String REASON_INPUT = "reason";

  private Ids() {}
}
