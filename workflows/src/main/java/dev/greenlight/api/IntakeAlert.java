package dev.greenlight.api;

/**
 * One alert for the alert intake (storm control): its firing's incident ID, its news, and for a
 * firing alert the incident it would start.
 *
 * @param incidentId the firing's own incident ID (derived from source, fingerprint and startsAt)
 * @param note what the alert says (service, firing or resolved, when)
 * @param request the incident a firing alert starts when storm control lets it; null when resolved
 */
public record IntakeAlert(String incidentId, AlertNote note, IncidentRequest request) {}
