package dev.greenlight.bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.ViewState;
import dev.greenlight.api.Decision;
import dev.greenlight.api.Refusal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reject modal's submission: a reason is required; then the reject is signalled. */
final class RejectModal implements ViewSubmissionHandler {
  private static final Logger log = LoggerFactory.getLogger(RejectModal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Cards behind open modals, for the "Processing…" edit; losing one only skips that edit. */
  private static final Map<String, List<LayoutBlock>> CARDS =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<LayoutBlock>> eldest) {
              return size() > 500;
            }
          });

  /** What the modal carries in {@code private_metadata}. */
  record Metadata(String wf, String nonce, String channel, String ts) {}

  private final GateClient gates;

  RejectModal(GateClient gates) {
    this.gates = gates;
  }

  static void rememberCard(String viewId, List<LayoutBlock> blocks) {
    CARDS.put(viewId, blocks);
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    String user = p.getUser().getId();
    Metadata meta;
    try {
      meta = JSON.readValue(p.getView().getPrivateMetadata(), Metadata.class);
    } catch (Exception e) {
      return ctx.ack(
          r ->
              r.responseAction("errors")
                  .errors(
                      Map.of(
                          Ids.REASON_BLOCK,
                          "This form is not one Greenlight opened; nothing was done.")));
    }
    String reason = reason(p.getView().getState());
    if (reason.isBlank()) {
      return ctx.ack(
          r ->
              r.responseAction("errors")
                  .errors(Map.of(Ids.REASON_BLOCK, "Say why you reject it.")));
    }
    Decision d =
        new Decision(Decision.Verdict.REJECT, user, meta.nonce(), reason, 0, p.getView().getId());
    Optional<Refusal> refusal = GateClient.precheck(gates.view(meta.wf()), d);
    if (refusal.isPresent()) {
      gates.noteRefusal(meta.wf(), d, refusal.get());
      return ctx.ack(
          r ->
              r.responseAction("errors")
                  .errors(Map.of(Ids.REASON_BLOCK, RefusalText.render(refusal.get()))));
    }
    List<LayoutBlock> card = CARDS.remove(p.getView().getId());
    if (card != null && !meta.channel().isEmpty()) {
      Replies.processing(ctx, meta.channel(), meta.ts(), card);
    }
    try {
      gates.signal(meta.wf(), d);
      log.info("REJECT by {} signalled to {}", user, meta.wf());
    } catch (RuntimeException e) {
      log.error("Could not signal REJECT to {}", meta.wf(), e);
      return ctx.ack(
          r ->
              r.responseAction("errors")
                  .errors(
                      Map.of(
                          Ids.REASON_BLOCK,
                          "Temporal is not reachable; nothing was decided. Try again in a moment.")));
    }
    return ctx.ack();
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
