package dev.greenlight.api;

/** What the probe saw: recovered or not, the last status (0: no answer) and how often it asked. */
public record VerificationResult(boolean recovered, int lastStatus, int attempts, String detail) {}
