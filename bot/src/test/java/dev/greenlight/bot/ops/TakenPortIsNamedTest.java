package dev.greenlight.bot.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A server whose port is taken fails at start with a message naming the variable to change. */
class TakenPortIsNamedTest {

  @Test
  void aTakenPortNamesTheServerTheAddressAndTheVariable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () ->
                  HttpListeners.bind(
                      "the alert receiver", "127.0.0.1", port, 8, "GREENLIGHT_ALERTS_PORT"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("the alert receiver cannot listen on 127.0.0.1:" + port)
          .hasMessageEndingWith("set GREENLIGHT_ALERTS_PORT to a free port, or 0 for any");
    }
  }
}
