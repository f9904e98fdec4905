package dev.greenlight.config;

import java.util.Map;

/**
 * A runbook's action, of the kind its {@code action.type} names ({@code http} today). Each kind is
 * a record with its own keys and validation, and an executor that runs it.
 */
public interface ActionSpec {
  /** The catalog's {@code action.type}. */
  String type();

  /** One line for the card and the proposal hash, rendered for one incident. */
  String describe(Map<String, String> vars);
}
