package dev.greenlight.embedding;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Where the local model's files are read from. The executable jar does not carry them: they ship in
 * {@value #JAR}, which greenlight.jar's manifest puts on the class path from its own directory, so
 * a missing model names the file and the directory it must be in.
 */
public final class ModelFiles {
  /** The model jar's file name, beside greenlight.jar. */
  public static final String JAR = "greenlight-model.jar";

  private ModelFiles() {}

  /**
   * The jar (or directory) the model file comes from, as a path when it is a file, empty when the
   * model is not on the class path.
   */
  public static Optional<String> source() {
    URL url = MiniLmEmbeddingModel.class.getResource(MiniLmEmbeddingModel.MODEL_RESOURCE);
    if (url == null) {
      return Optional.empty();
    }
    String s = url.toString();
    if (s.startsWith("jar:file:") && s.contains("!/")) {
      return Optional.of(s.substring("jar:file:".length(), s.indexOf("!/")));
    }
    return Optional.of(s.startsWith("file:") ? s.substring("file:".length()) : s);
  }

  /** What to tell an operator when the model file is not on the class path. */
  public static String missingMessage() {
    return missing(MiniLmEmbeddingModel.MODEL_RESOURCE);
  }

  /** What to tell an operator when {@code resource} is not on the class path. */
  static String missing(String resource) {
    return "the local model is missing: "
        + resource.substring(1)
        + " is not on the class path. It ships in "
        + JAR
        + ", which must be in the same directory as greenlight.jar ("
        + codeDirectory().map(Path::toString).orElse("the directory of the jar")
        + "); the build writes both to bot/target/";
  }

  /** The directory of the jar this class runs from, when it runs from a jar. */
  static Optional<Path> codeDirectory() {
    CodeSource code = ModelFiles.class.getProtectionDomain().getCodeSource();
    if (code == null || code.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path where = Path.of(code.getLocation().toURI());
      return Optional.ofNullable(where.toString().endsWith(".jar") ? where.getParent() : where);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
