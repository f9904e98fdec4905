package dev.greenlight.api;

/**
 * An alert's news for an open incident, carried by the {@code alertUpdate} signal: the incident's
 * own alert resolved, or another alert for its service fires (or stopped firing) and joins its
 * thread instead of opening a card of its own.
 *
 * @param key the alert firing's identity ({@link AlertFacts#key}); repeats are told once
 * @param alertName the alert's name (untrusted text, escaped when shown)
 * @param service the catalog service it maps to
 * @param resolved false: firing; true: resolved
 * @param atMillis when it started firing, or when it resolved
 * @param summary the alert's summary annotation or null (untrusted text)
 */
public record AlertNote(
    String key,
    String alertName,
    String service,
    boolean resolved,
    long atMillis,
    String summary) {}
