package dev.greenlight.api;

import java.util.List;

/**
 * The alerts of one delivery, in order, with the caps in force for them.
 *
 * @param alerts the alerts (known services only)
 * @param maxOpenPerService at most this many open alert incidents per service
 * @param maxOpen at most this many open alert incidents in all
 */
public record IntakeBatch(List<IntakeAlert> alerts, int maxOpenPerService, int maxOpen) {
  public IntakeBatch {
    alerts = List.copyOf(alerts);
  }
}
