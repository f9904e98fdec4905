package dev.greenlight.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the answer of an injected fault the way Slack answers it. */
final class FaultReplies {

  private static final Logger log = LoggerFactory.getLogger(FaultReplies.class);

  private FaultReplies() {}

  static void send(HttpExchange exchange, String method, Faults.Answer fault) throws IOException {
    log.debug("{} -> injected {} ({})", method, fault.kind(), fault.error());
    switch (fault.kind()) {
      case API_ERROR -> Http.send(exchange, 200, Http.JSON_UTF8, body(fault.error()));
      case RATE_LIMITED -> {
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(fault.number()));
        Http.send(exchange, 429, Http.JSON_UTF8, body("ratelimited"));
      }
      case HTTP_STATUS ->
          // Slack's edge answers an outage with a status and an HTML page, not a Web API body.
          Http.send(
              exchange,
              fault.number(),
              "text/html; charset=utf-8",
              "<html><body><h1>" + fault.number() + " Service Unavailable</h1></body></html>");
      default -> throw new IllegalStateException("not a reply fault: " + fault.kind());
    }
  }

  private static String body(String error) {
    return Json.write(Json.object().put("ok", false).put("error", error));
  }
}
