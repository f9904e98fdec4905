package dev.greenlight.classify;

/** Something that maps an incident's text to one of the catalog's labels (or unknown). */
public interface IncidentClassifier {
  /** Model name and version, as shown on cards. */
  String model();

  /**
   * Classifies untrusted incident text.
   *
   * @throws ClassifierException when no valid answer could be obtained
   */
  Verdict classify(String service, String text) throws ClassifierException;
}
