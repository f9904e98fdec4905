package dev.greenlight.argogate;

import dev.greenlight.action.argo.SuspendedNode;
import dev.greenlight.api.Classification;
import dev.greenlight.api.IncidentRequest;

/**
 * One Argo suspend gate to decide in Slack, as the watcher found it: the node, the incident-like
 * frame the gate policy works on, and what the card shows.
 *
 * @param node the waiting Suspend node (its workflow's UID and node ID are the gate's identity)
 * @param incident the card's frame: a short ID, {@code <namespace>/<workflow>} as the service, the
 *     facts as text, the submitter's Slack user ID (or null) as the requester, the channel and the
 *     gate policy in force when the gate was found
 * @param gate the node as the card shows it: display name, risk tier, the gate's catalog key, and
 *     the link to the workflow in the Argo UI as its action
 * @param submitter who submitted the workflow, as Argo's creator labels say (or empty)
 */
public record ArgoGateRequest(
    SuspendedNode node, IncidentRequest incident, Classification gate, String submitter) {}
