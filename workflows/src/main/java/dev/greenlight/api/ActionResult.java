package dev.greenlight.api;

/** The remediation call's answer: HTTP status and the idempotency key it was sent with. */
public record ActionResult(int status, String idempotencyKey) {}
