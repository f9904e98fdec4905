package dev.greenlight.bot.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a started part running until the process is asked to stop, then closes it. */
final class UntilStopped {
  private UntilStopped() {}

  static int await(AutoCloseable part, String name) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    part.close();
                  } catch (Exception e) {
                    System.err.println(
                        "greenlight: error while stopping " + name + ": " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                },
                name + "-shutdown"));
    stopped.await();
    return 0;
  }
}
