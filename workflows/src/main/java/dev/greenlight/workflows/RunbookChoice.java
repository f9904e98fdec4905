package dev.greenlight.workflows;

import dev.greenlight.config.Risk;

/** A catalog runbook as a person can pick it for an incident that matched none. */
public record RunbookChoice(String id, String label, Risk risk) {}
