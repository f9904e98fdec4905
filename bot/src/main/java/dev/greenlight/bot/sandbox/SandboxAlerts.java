package dev.greenlight.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.sandbox.AlertControl;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The sandbox page's "fire an alert" control: sends the bot's alert receiver what Alertmanager
 * would (a version 4 body with the bearer token), so an alert starts an incident exactly as in
 * production. A firing lasts until it is resolved; firing it again meanwhile is a repeat.
 */
final class SandboxAlerts implements AlertControl {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the demo alerts say; the classifier reads it. Other names say only their name. */
  private static final Map<String, String> SUMMARIES =
      Map.of(
          "PodsOOMKilled", "pods OOMKilled and restarting",
          "StaleCache", "stale data served from cache",
          "ErrorsAfterDeploy", "error rate spiked right after the deploy");

  private final String url;
  private final String token;
  private final OkHttpClient http = new OkHttpClient();
  private final Map<String, Instant> firing = new ConcurrentHashMap<>();

  SandboxAlerts(String receiverUrl, String token) {
    this.url = receiverUrl + "/alerts/alertmanager";
    this.token = token;
  }

  @Override
  public String fire(String service, String alertName, boolean resolved) {
    String fingerprint = Integer.toHexString((service + "/" + alertName).hashCode());
    Instant startsAt =
        resolved
            ? firing.remove(fingerprint)
            : firing.computeIfAbsent(fingerprint, k -> Instant.now());
    if (startsAt == null) {
      return alertName + " on " + service + " is not firing";
    }
    ObjectNode alert = JSON.createObjectNode();
    alert.put("status", resolved ? "resolved" : "firing");
    alert.putObject("labels").put("alertname", alertName).put("service", service);
    alert.putObject("annotations").put("summary", SUMMARIES.getOrDefault(alertName, alertName));
    alert.put("startsAt", startsAt.toString());
    alert.put("endsAt", resolved ? Instant.now().toString() : "0001-01-01T00:00:00Z");
    alert.put("fingerprint", fingerprint);
    ObjectNode body = JSON.createObjectNode();
    body.put("version", "4");
    body.put("status", resolved ? "resolved" : "firing");
    body.put("receiver", "greenlight");
    body.put("groupKey", "{}:{alertname=\"" + alertName + "\"}");
    body.putArray("alerts").add(alert);
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + token)
            .post(RequestBody.create(body.toString(), MediaType.get("application/json")))
            .build();
    try (Response r = http.newCall(request).execute()) {
      JsonNode answer = JSON.readTree(r.body().string());
      return r.code() == 200
          ? (resolved ? "Resolved " : "Fired ")
              + alertName
              + " on "
              + service
              + ": "
              + counts(answer)
          : "The receiver answered " + r.code() + ": " + answer.path("reason").asText();
    } catch (Exception e) {
      return "Could not reach the alert receiver: " + e.getMessage();
    }
  }

  private static String counts(JsonNode answer) {
    StringBuilder s = new StringBuilder();
    answer
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isInt() && e.getValue().asInt() > 0) {
                s.append(s.length() == 0 ? "" : ", ")
                    .append(e.getKey())
                    .append(' ')
                    .append(e.getValue().asInt());
              }
            });
    return s.length() == 0 ? "nothing to do" : s.toString();
  }
}
