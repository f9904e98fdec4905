package dev.greenlight.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.ViewState;
import dev.greenlight.api.CardRef;
import dev.greenlight.api.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The reject modal's submission: a reason is required; then the reject is signalled and the form
 * closes. Whether the reject counts is the workflow's call: a gate that closed or was replaced
 * while the form was open refuses it, and the workflow tells the clicker privately.
 */
final class RejectModal implements ViewSubmissionHandler {
  static final String NOT_OURS = "This form is not one Greenlight opened; nothing was done.";
  static final String NO_REASON = "Say why you reject it.";
  static final String UNDELIVERED =
      "Temporal is not reachable; nothing was decided. Try again in a moment.";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the modal carries in {@code private_metadata}: the incident and the card behind it (the
   * card goes with the reject, and the workflow refuses it unless it is the incident's own).
   */
  record Metadata(String wf, String nonce, String channel, String ts) {
    String encode() {
      try {
        return JSON.writeValueAsString(this);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Empty when the metadata is not what {@link #encode} wrote for an incident. */
    static Optional<Metadata> decode(String json) {
      try {
        Metadata m = JSON.readValue(json == null ? "" : json, Metadata.class);
        if (m.wf() == null || !ArgoGateView.decidable(m.wf()) || isEmpty(m.nonce())) {
          return Optional.empty();
        }
        return Optional.of(
            new Metadata(
                m.wf(),
                m.nonce(),
                m.channel() == null ? "" : m.channel(),
                m.ts() == null ? "" : m.ts()));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    private static boolean isEmpty(String s) {
      return s == null || s.isEmpty();
    }
  }

  private final ClickPipeline clicks;

  RejectModal(ClickPipeline clicks) {
    this.clicks = clicks;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx)
      throws IOException, SlackApiException {
    ViewSubmissionPayload p = req.getPayload();
    Optional<Metadata> meta = Metadata.decode(p.getView().getPrivateMetadata());
    Optional<CardRef> card = meta.flatMap(m -> ClickedCard.of(m.channel(), m.ts()));
    if (meta.isEmpty() || card.isEmpty()) {
      return Answer.InForm.error(ctx, NOT_OURS);
    }
    String reason = reason(p.getView().getState());
    if (reason.isBlank()) {
      return Answer.InForm.error(ctx, NO_REASON);
    }
    String viewId = p.getView().getId();
    Click click =
        new Click(
            meta.get().wf(),
            new Decision(
                Decision.Verdict.REJECT,
                p.getUser().getId(),
                meta.get().nonce(),
                reason,
                0,
                viewId,
                null,
                card.get()));
    Answer answer = new Answer.InForm(ctx);
    return clicks.check(click, answer, c -> clicks.signal(c, answer, UNDELIVERED));
  }

  private static String reason(ViewState state) {
    if (state == null || state.getValues() == null) {
      return "";
    }
    Map<String, ViewState.Value> block = state.getValues().get(Ids.REASON_BLOCK);
    ViewState.Value value = block == null ? null : block.get(Ids.REASON_INPUT);
    return value == null || value.getValue() == null ? "" : value.getValue().strip();
  }
}
