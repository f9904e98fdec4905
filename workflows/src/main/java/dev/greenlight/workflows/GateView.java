package dev.greenlight.workflows;

import java.util.List;

/** The gate as the {@code gate} query shows it to the bot. */
public record GateView(
    GateState state,
    String nonce,
    List<String> approvers,
    String decidedBy,
    long decidedAtMillis) {}
