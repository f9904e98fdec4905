package dev.greenlight.bot.slack;

import dev.greenlight.api.Decision;

/**
 * A click read from Slack: the incident's workflow it is for and the decision it asks for. Both
 * come from the payload, so nothing here is trusted until the workflow's gate has checked it.
 */
record Click(String workflowId, Decision decision) {}
