package dev.greenlight.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A worker that fails to start on its own thread fails {@code Greenlight.start} with its own
 * exception (the message an operator reads, e.g. the model jar that is missing), and closing it
 * afterwards stops nothing and throws nothing.
 */
class StartingWorkerTest {
  @Test
  void awaitRethrowsTheStartsOwnFailure() {
    IllegalStateException missing = new IllegalStateException("the local model is missing: …");
    StartingWorker worker =
        StartingWorker.start(
            () -> {
              throw missing;
            });

    assertThat(catchThrowable(worker::await)).isSameAs(missing);
    assertThatCode(worker::close).doesNotThrowAnyException();
  }

  @Test
  void aCheckedFailureIsRethrownAsItself() {
    IOException unreadable = new IOException("catalog.yml: permission denied");
    StartingWorker worker =
        StartingWorker.start(
            () -> {
              throw unreadable;
            });

    assertThat(catchThrowable(worker::await)).isSameAs(unreadable);
  }
}
