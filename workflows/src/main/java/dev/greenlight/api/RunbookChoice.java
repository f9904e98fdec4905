package dev.greenlight.api;

/** A catalog runbook as a person can pick it for an incident that matched none. */
public record RunbookChoice(String id, String label, Risk risk) {}
