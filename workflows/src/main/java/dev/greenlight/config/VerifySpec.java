package dev.greenlight.config;

/**
 * How a runbook checks that its action worked, of the kind its {@code verify.type} names ({@code
 * http} today). Each kind is a record with its own keys and validation, and a verifier that runs
 * it.
 */
public interface VerifySpec {
  /** The catalog's {@code verify.type}. */
  String type();
}
