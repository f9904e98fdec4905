package dev.greenlight.sandbox;

/**
 * What a response_url refers to.
 *
 * @param id the id in {@code /response/<id>}
 * @param channelId channel the interaction happened in
 * @param userId user who triggered it (receives ephemeral responses)
 * @param messageTs the message a button was clicked on, or {@code null} for slash commands
 * @param threadTs thread of that message, or {@code null}
 */
record ResponseTarget(
    String id, String channelId, String userId, String messageTs, String threadTs) {}
