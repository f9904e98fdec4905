package dev.greenlight.sandbox;

import static dev.greenlight.sandbox.PageJson.error;
import static dev.greenlight.sandbox.PageJson.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The page's {@code POST /sandbox/...} endpoints, which act as a user: type a message or slash
 * command, click a button or choose an option, submit or close a modal. Each takes a JSON object
 * and answers {@code {"ok":true}} or an error code; a missing required field throws an {@link
 * IllegalArgumentException} whose message is the error code.
 */
final class PageActions {
  private final SlackServer server;
  private final Workspace workspace;

  PageActions(SlackServer server, Workspace workspace) {
    this.server = server;
    this.workspace = workspace;
  }

  /** The reply of the endpoint at {@code path}, or {@code null} when there is no such endpoint. */
  ObjectNode handle(String path, JsonNode body) {
    return switch (path) {
      case "/sandbox/command" -> command(body);
      case "/sandbox/action" -> action(body);
      case "/sandbox/view" -> submitView(body);
      case "/sandbox/view/close" -> closeView(body);
      case "/sandbox/home" -> openHome(required(body, "user"));
      case "/sandbox/alert" ->
          alert(
              required(body, "service"),
              required(body, "alertname"),
              "resolved".equals(body.path("status").asText("firing")));
      default -> null;
    };
  }

  private ObjectNode command(JsonNode body) {
    String user = required(body, "user");
    String channel = required(body, "channel");
    String text = body.path("text").asText("").strip();
    if (text.isEmpty()) {
      return error("empty_message");
    }
    if (text.equals("/alert") || text.startsWith("/alert ")) {
      return alertCommand(text.substring("/alert".length()).strip());
    }
    if (text.startsWith("/")) {
      int space = text.indexOf(' ');
      String command = space < 0 ? text : text.substring(0, space);
      String rest = space < 0 ? "" : text.substring(space + 1).strip();
      server.sendSlashCommand(user, channel, command, rest);
    } else {
      server.postUserMessage(user, channel, text);
    }
    return ok();
  }

  private ObjectNode action(JsonNode body) {
    String user = required(body, "user");
    String channel = required(body, "channel");
    String ts = required(body, "ts");
    String actionId = required(body, "actionId");
    String value = body.hasNonNull("value") ? body.get("value").asText() : null;
    Optional<Message> message = workspace.messages().find(channel, ts);
    if (message.isEmpty()) {
      message =
          workspace.messages().ephemerals(user).stream()
              .filter(m -> m.ts().equals(ts) && m.channel().equals(channel))
              .findFirst();
    }
    if (message.isEmpty()) {
      return error("message_not_found");
    }
    try {
      if (value == null) {
        server.clickButton(user, message.get(), actionId);
      } else {
        server.selectOption(user, message.get(), actionId, value);
      }
    } catch (IllegalArgumentException e) {
      return error("no_such_action");
    }
    return ok();
  }

  private ObjectNode submitView(JsonNode body) {
    String user = required(body, "user");
    String viewId = required(body, "viewId");
    Optional<View> view = workspace.view(viewId);
    if (view.isEmpty() || !workspace.isViewOpen(viewId)) {
      return error("view_not_found");
    }
    Map<String, String> values = new LinkedHashMap<>();
    body.path("values")
        .fields()
        .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    SentEnvelope sent = server.submitView(user, view.get(), values);
    Ack ack;
    try {
      ack = sent.ack().get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return error("no_ack");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("interrupted");
    } catch (ExecutionException e) {
      return error("no_ack");
    }
    JsonNode payload = ack.payload();
    if (payload != null && "errors".equals(payload.path("response_action").asText())) {
      ObjectNode r = error("validation_failed");
      r.set("errors", payload.path("errors").deepCopy());
      return r;
    }
    workspace.closeView(viewId); // the ack callback does the same; make it visible right away
    return ok();
  }

  private ObjectNode closeView(JsonNode body) {
    required(body, "user");
    String viewId = required(body, "viewId");
    if (workspace.view(viewId).isEmpty()) {
      return error("view_not_found");
    }
    server.closeView(viewId);
    return ok();
  }

  /** The user opens the app's Home tab: Slack sends {@code app_home_opened}; the app publishes. */
  private ObjectNode openHome(String user) {
    server.openAppHome(user);
    return ok();
  }

  /** {@code /alert <service> <AlertName>} fires, {@code /alert resolve <service> <AlertName>}. */
  private ObjectNode alertCommand(String args) {
    String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
    boolean resolved = words.length == 3 && words[0].equals("resolve");
    if (words.length != 2 && !resolved) {
      return error("usage: /alert <service> <AlertName>, or /alert resolve <service> <AlertName>");
    }
    return resolved ? alert(words[1], words[2], true) : alert(words[0], words[1], false);
  }

  private ObjectNode alert(String service, String alertName, boolean resolved) {
    AlertControl control = server.alertControl();
    if (control == null) {
      return error("alerts_off");
    }
    ObjectNode r = ok();
    r.put("answer", control.fire(service, alertName, resolved));
    return r;
  }

  private static String required(JsonNode body, String field) {
    String value = body.path(field).asText("");
    if (value.isBlank()) {
      throw new IllegalArgumentException("missing_" + field);
    }
    return value;
  }
}
