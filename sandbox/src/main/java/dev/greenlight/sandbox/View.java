package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A modal opened through {@code views.open}.
 *
 * @param id the view id the sandbox assigned (e.g. {@code "V0000001"})
 * @param triggerId the trigger id the app used to open it
 * @param view the full view JSON as returned to the app (includes {@code id}, {@code state})
 */
public record View(String id, String triggerId, ObjectNode view) {

  /** Returns the view's {@code callback_id}, or {@code null}. */
  public String callbackId() {
    return view.path("callback_id").asText(null);
  }
}
