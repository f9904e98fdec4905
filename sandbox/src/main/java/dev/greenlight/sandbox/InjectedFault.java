package dev.greenlight.sandbox;

import java.time.Instant;

/**
 * A fault the sandbox applied.
 *
 * @param method the Web API method it answered ({@code "socket"} for a dropped connection)
 * @param kind what it did
 * @param detail the Slack error code, {@code "HTTP 503"}, {@code "reply lost"} or {@code "dropped"}
 * @param at when it was applied
 */
public record InjectedFault(String method, Faults.Kind kind, String detail, Instant at) {}
