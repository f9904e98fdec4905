package dev.greenlight.bot.slack;

import com.slack.api.methods.MethodsClient;
import dev.greenlight.api.IncidentSummary;
import java.util.List;
import java.util.Optional;

/** {@code /remediate list} and {@code /remediate status}: answered privately, in the ack. */
final class ViewCommands {
  static final int LIST_LIMIT = 50;

  private final Incidents incidents;
  private final CardLinks links;

  ViewCommands(Incidents incidents, CardLinks links) {
    this.incidents = incidents;
    this.links = links;
  }

  String list(MethodsClient slack) {
    List<IncidentSummary> open;
    try {
      open = incidents.open(LIST_LIMIT);
    } catch (TemporalUnreachable e) {
      return unreachable(e);
    }
    return IncidentsView.list(open, s -> links.of(slack, s.card()), System.currentTimeMillis());
  }

  String status(MethodsClient slack, String incidentId) {
    Optional<IncidentSummary> s;
    try {
      s = incidents.summary(incidentId);
    } catch (TemporalUnreachable e) {
      return unreachable(e);
    }
    if (s.isEmpty()) {
      return "No incident " + incidentId + " is known to Greenlight.";
    }
    return IncidentsView.status(
        s.get(), links.of(slack, s.get().card()), System.currentTimeMillis());
  }

  private static String unreachable(TemporalUnreachable e) {
    return ":warning: Could not read the incidents ("
        + SlackText.escape(e.error())
        + "); is a worker running?";
  }
}
