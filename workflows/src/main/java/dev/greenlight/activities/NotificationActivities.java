package dev.greenlight.activities;

import dev.greenlight.api.CardRef;
import dev.greenlight.api.IncidentCard;
import dev.greenlight.api.Refusal;
import dev.greenlight.api.ThreadUpdate;
import dev.greenlight.api.UndoOffer;
import io.temporal.activity.ActivityInterface;
import io.temporal.failure.ApplicationFailure;

/**
 * Tells people what the incident is doing. The workflow module only defines it; the bot module
 * implements it with Slack, so workflow code never sees Slack.
 */
@ActivityInterface
public interface NotificationActivities {
  /**
   * Posts the incident card. A retry after a lost reply may post a second card; the buttons of both
   * carry the same nonce, so either works and neither can decide twice.
   */
  CardRef postCard(String channelId, IncidentCard card);

  /** Re-renders the card in place; idempotent (the same card twice looks the same). */
  void updateCard(CardRef card, IncidentCard content);

  /** Posts one step as a reply in the card's thread. */
  void postUpdate(CardRef card, IncidentCard content, ThreadUpdate update);

  /**
   * Tells one person, privately, why the workflow did not count their click (a race the bot's own
   * check could not see). Safe to retry: a repeat shows the same note twice at worst.
   */
  void tellUser(CardRef card, String userId, Refusal refusal);

  /**
   * Posts the Undo offer as a reply in the card's thread, with its button while it is offered, and
   * says where it landed: the workflow takes Undo clicks from that message only.
   */
  default CardRef offerUndo(CardRef card, IncidentCard content, UndoOffer offer) {
    throw ApplicationFailure.newNonRetryableFailure("this notifier shows no Undo", "NoUndo");
  }

  /** Re-renders the Undo reply in place (its button goes once the offer is not open). */
  default void updateUndo(CardRef message, IncidentCard content, UndoOffer offer) {
    throw ApplicationFailure.newNonRetryableFailure("this notifier shows no Undo", "NoUndo");
  }
}
