package dev.greenlight.bot.slack;

import com.google.gson.Gson;
import com.slack.api.methods.Methods;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.FormBody;
import okhttp3.Response;

/**
 * The SDK's Web API client with one change for the calls every incident makes (a card, its thread
 * replies, its edits, private notes): their replies are read with one Gson, built once. The SDK
 * builds a new Gson for every reply it reads, and with it the reflective readers of the reply's
 * whole model (a message, its blocks, files, attachments): in the worker that was about a sixth of
 * its CPU in an alert storm. The request is the SDK's own form, sent by its own HTTP client; a
 * non-2xx answer is the SDK's own {@link SlackApiException}; every other method is the SDK's.
 */
final class OneGsonMethodsClient extends MethodsClientImpl {
  private final SlackHttpClient http;
  private final String token;
  private final Gson gson;

  OneGsonMethodsClient(SlackHttpClient http, String token) {
    super(http, token);
    // As Slack.methods(token) does: the SDK's other methods go where the configuration says.
    setEndpointUrlPrefix(http.getConfig().getMethodsEndpointUrlPrefix());
    this.http = http;
    this.token = token;
    this.gson = GsonFactory.createSnakeCase(http.getConfig());
  }

  @Override
  public ChatPostMessageResponse chatPostMessage(ChatPostMessageRequest req)
      throws IOException, SlackApiException {
    return post(
        Methods.CHAT_POST_MESSAGE,
        RequestFormBuilder.toForm(req),
        req.getToken(),
        ChatPostMessageResponse.class);
  }

  @Override
  public ChatUpdateResponse chatUpdate(ChatUpdateRequest req)
      throws IOException, SlackApiException {
    return post(
        Methods.CHAT_UPDATE,
        RequestFormBuilder.toForm(req),
        req.getToken(),
        ChatUpdateResponse.class);
  }

  @Override
  public ChatPostEphemeralResponse chatPostEphemeral(ChatPostEphemeralRequest req)
      throws IOException, SlackApiException {
    return post(
        Methods.CHAT_POST_EPHEMERAL,
        RequestFormBuilder.toForm(req),
        req.getToken(),
        ChatPostEphemeralResponse.class);
  }

  private <T extends SlackApiTextResponse> T post(
      String method, FormBody.Builder form, String requestToken, Class<T> type)
      throws IOException, SlackApiException {
    String url = http.getConfig().getMethodsEndpointUrlPrefix() + method;
    try (Response response =
        http.postFormWithBearerHeader(
            url, requestToken != null ? requestToken : token, form.build())) {
      String body = response.body() == null ? "" : response.body().string();
      if (!response.isSuccessful()) {
        throw new SlackApiException(http.getConfig(), response, body);
      }
      T parsed = gson.fromJson(body, type);
      parsed.setHttpResponseHeaders(headers(response));
      return parsed;
    }
  }

  private static Map<String, List<String>> headers(Response response) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String name : response.headers().names()) {
      out.put(name.toLowerCase(Locale.ROOT), response.headers(name));
    }
    return out;
  }
}
