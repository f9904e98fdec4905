package dev.greenlight.bot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.greenlight.api.IncidentRequest;
import dev.greenlight.api.PolicySnapshot;
import dev.greenlight.config.GreenlightConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /remediate}: validates the text and starts the incident's workflow, then acks. */
final class RemediateCommand implements SlashCommandHandler {
  private static final Logger log = LoggerFactory.getLogger(RemediateCommand.class);

  private final GreenlightConfig config;
  private final CommandParser parser;
  private final Incidents incidents;
  private final ViewCommands views;

  RemediateCommand(GreenlightConfig config, Incidents incidents, CardLinks links) {
    this.config = config;
    this.parser = new CommandParser(config);
    this.incidents = incidents;
    this.views = new ViewCommands(incidents, links);
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    SlashCommandPayload p = req.getPayload();
    ParsedCommand cmd = parser.parse(p.getText());
    if (cmd instanceof ParsedCommand.Help) {
      return ctx.ack(CommandParser.usage(config));
    }
    if (cmd instanceof ParsedCommand.Audit audit) {
      return ctx.ack(AuditView.render(incidents, audit.incidentId()));
    }
    if (cmd instanceof ParsedCommand.Overview) {
      return ctx.ack(views.list(ctx.client()));
    }
    if (cmd instanceof ParsedCommand.Status status) {
      return ctx.ack(views.status(ctx.client(), status.incidentId()));
    }
    if (cmd instanceof ParsedCommand.Invalid invalid) {
      return ctx.ack(invalid.message());
    }
    ParsedCommand.Start start = (ParsedCommand.Start) cmd;
    String incidentId = IncidentIds.fromTrigger(p.getTeamId(), p.getTriggerId());
    String channel = config.channel().isEmpty() ? p.getChannelId() : config.channel();
    IncidentRequest request =
        new IncidentRequest(
            incidentId,
            start.service(),
            start.description(),
            p.getUserId(),
            channel,
            snapshot(config));
    try {
      if (incidents.start(request) == Incidents.StartResult.ALREADY_STARTED) {
        log.info("Incident {} already started (redelivered request)", incidentId);
        return ctx.ack("Incident " + incidentId + " is already started.");
      }
    } catch (TemporalUnreachable e) {
      if (e.stillRunning().isPresent()) {
        LateStart.tell(
            ctx, e.stillRunning().get(), incidentId, started(incidentId, start, channel));
        return ctx.ack(TemporalUnreachable.startPending(incidentId));
      }
      return ctx.ack(e.startAnswer(incidentId));
    }
    log.info("Incident {} started by {} for {}", incidentId, p.getUserId(), start.service());
    return ctx.ack(started(incidentId, start, channel));
  }

  private static String started(String incidentId, ParsedCommand.Start start, String channel) {
    return "Incident "
        + incidentId
        + " started for `"
        + start.service()
        + "`. Classifying; the card will appear in <#"
        + channel
        + ">.";
  }

  static PolicySnapshot snapshot(GreenlightConfig config) {
    return config.policySnapshot();
  }
}
