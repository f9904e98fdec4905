package dev.greenlight.bot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses commands, clicks and form submissions whose workspace (team) is not the installation's
 * own (a payload naming no team is refused too), or whose Enterprise Grid org, when the payload
 * names one, is not the installation's. The installation's identity is what {@code auth.test}
 * answers for the bot token. A refused envelope is acked with nothing, so Slack does not redeliver
 * it and the sender learns nothing; each foreign team is logged once.
 */
final class OwnWorkspaceOnly implements Middleware {
  private static final Logger log = LoggerFactory.getLogger(OwnWorkspaceOnly.class);

  /** Bounds the memory of foreign teams already logged; past it, refusals log at debug. */
  private static final int LOGGED_MAX = 1000;

  private final Set<String> logged = ConcurrentHashMap.newKeySet();
  private volatile AuthTestResponse own;

  /** The team and enterprise a payload says it comes from. */
  private record Origin(String team, String enterprise) {}

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Origin origin = origin(req);
    if (origin == null) {
      return chain.next(req);
    }
    AuthTestResponse installation = installation(req);
    if (installation != null
        && Objects.equals(origin.team(), installation.getTeamId())
        && (origin.enterprise() == null
            || origin.enterprise().equals(installation.getEnterpriseId()))) {
      return chain.next(req);
    }
    String who = "team " + origin.team() + ", enterprise " + origin.enterprise();
    if (logged.size() < LOGGED_MAX && logged.add(who)) {
      log.warn(
          "Refused a {} from {}: not this installation's workspace (logged once per origin)",
          req.getRequestType(),
          installation == null ? who + " (auth.test failed)" : who);
    } else {
      log.debug("Refused a {} from {}", req.getRequestType(), who);
    }
    return Response.ok();
  }

  /** The origin of the payloads Greenlight handles; {@code null} for any other request. */
  private static Origin origin(Request<?> req) {
    if (req instanceof BlockActionRequest r) {
      var p = r.getPayload();
      return new Origin(
          p.getTeam() == null ? null : p.getTeam().getId(),
          p.getEnterprise() != null
              ? p.getEnterprise().getId()
              : p.getTeam() == null ? null : p.getTeam().getEnterpriseId());
    }
    if (req instanceof ViewSubmissionRequest r) {
      var p = r.getPayload();
      return new Origin(
          p.getTeam() == null ? null : p.getTeam().getId(),
          p.getEnterprise() != null
              ? p.getEnterprise().getId()
              : p.getTeam() == null ? null : p.getTeam().getEnterpriseId());
    }
    if (req instanceof SlashCommandRequest r) {
      return new Origin(r.getPayload().getTeamId(), r.getPayload().getEnterpriseId());
    }
    if (req instanceof EventRequest r) {
      return new Origin(r.getContext().getTeamId(), r.getContext().getEnterpriseId());
    }
    return null;
  }

  /** The installation's auth.test answer: Bolt's own, else asked once; {@code null} if failed. */
  private AuthTestResponse installation(Request<?> req) {
    AuthTestResponse known = own;
    if (known != null) {
      return known;
    }
    AuthTestResponse r = req.getContext().getAuthTestResponse();
    try {
      if (r == null || !r.isOk()) {
        r = req.getContext().client().authTest(t -> t);
      }
    } catch (Exception e) {
      log.warn("auth.test failed; refusing until it answers: {}", e.getMessage());
      return null;
    }
    if (r == null || !r.isOk() || r.getTeamId() == null) {
      return null;
    }
    own = r;
    return r;
  }
}
