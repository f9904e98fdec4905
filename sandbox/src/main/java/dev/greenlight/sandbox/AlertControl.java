package dev.greenlight.sandbox;

/**
 * The page's "fire an alert" control, set by whoever runs an alert receiver behind the sandbox (the
 * sandbox knows nothing of alerts itself): {@code /alert <service> <AlertName>} typed in the page,
 * or {@code POST /sandbox/alert}.
 */
@FunctionalInterface
public interface AlertControl {
  /**
   * Fires (or resolves) an alert for {@code service} named {@code alertName}.
   *
   * @return one line for the person who fired it, e.g. what the receiver answered
   */
  String fire(String service, String alertName, boolean resolved);
}
