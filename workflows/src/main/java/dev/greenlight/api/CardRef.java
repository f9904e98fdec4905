package dev.greenlight.api;

/** Where an incident card was posted: the thread that all later updates go under. */
public record CardRef(String channel, String ts) {}
