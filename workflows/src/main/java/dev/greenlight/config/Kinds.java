package dev.greenlight.config;

import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Map;

/**
 * The kinds of action and verification a runbook may name with {@code type}. A new kind ({@code
 * kubernetes}, {@code argo}) is a record implementing {@link ActionSpec} or {@link VerifySpec} and
 * one entry in a table below.
 */
final class Kinds {
  /** The kind of an {@code action} or {@code verify} without a {@code type} key. */
  static final String DEFAULT = "http";

  static final Map<String, Class<? extends ActionSpec>> ACTIONS =
      Map.of(
          HttpAction.TYPE, HttpAction.class,
          ArgoAction.TYPE, ArgoAction.class,
          KubernetesAction.TYPE, KubernetesAction.class);

  static final Map<String, Class<? extends VerifySpec>> VERIFIES =
      Map.of(
          Probe.TYPE, Probe.class,
          ArgoVerify.TYPE, ArgoVerify.class,
          KubernetesRollout.TYPE, KubernetesRollout.class);

  private Kinds() {}

  /** Whether a record is one of the kinds, so that {@code type} is among its keys. */
  static boolean isKind(Class<?> type) {
    return ACTIONS.containsValue(type) || VERIFIES.containsValue(type);
  }

  /** The deserializers choosing the record for each {@code action} and {@code verify}. */
  static SimpleModule module() {
    return new SimpleModule("greenlight-kinds")
        .addDeserializer(
            ActionSpec.class, new KindDeserializer<>(ActionSpec.class, "action", ACTIONS))
        .addDeserializer(
            VerifySpec.class, new KindDeserializer<>(VerifySpec.class, "verify", VERIFIES));
  }
}
