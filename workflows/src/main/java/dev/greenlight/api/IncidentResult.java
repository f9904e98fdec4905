package dev.greenlight.api;

/** The workflow's result: how the incident ended and the gate's final state. */
public record IncidentResult(Outcome outcome, GateView gate, String detail) {}
