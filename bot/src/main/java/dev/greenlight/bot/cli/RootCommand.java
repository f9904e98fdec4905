package dev.greenlight.bot.cli;

import dev.greenlight.bot.Greenlight;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** With no subcommand, behaves as {@code run}. */
@Command(
    name = "greenlight",
    mixinStandardHelpOptions = true,
    version = "greenlight 0.1.0",
    description = "Gated, durable remediation from Slack.",
    subcommands = {
      PartCommand.Run.class,
      PartCommand.Bot.class,
      PartCommand.Worker.class,
      DevServerCommand.class,
      SandboxCommand.class,
      EvalCommand.class,
      CheckCommand.class
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  SLACK_BOT_TOKEN     bot token, xoxb-... (run, bot, worker)",
      "  SLACK_APP_TOKEN     app-level token, xapp-... (run, bot)",
      "  SLACK_API_URL       Web API base URL (default https://slack.com/api/)",
      "  GREENLIGHT_CONFIG   YAML config file (default: built-in demo)",
      "  TEMPORAL_ADDRESS    host:port; unset: embedded dev server (run), in memory:",
      "                      waiting incidents do not survive a restart",
      "  TEMPORAL_NAMESPACE  namespace (default 'default')",
      "  TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE,",
      "  TEMPORAL_CONFIG_FILE  read by temporal-envconfig",
      "  GREENLIGHT_LOG_LEVEL  log level (default INFO)",
      "  GREENLIGHT_LOG_FORMAT text (default) | json: one JSON object a line",
      "  GREENLIGHT_MANAGEMENT_PORT  /metrics, /healthz, /readyz (default 9464,",
      "                        0: any free port)",
      "  GREENLIGHT_MANAGEMENT_BIND  their address (default 127.0.0.1: loopback)",
      "  GREENLIGHT_SLACK_CONCURRENCY  Socket Mode envelopes handled at once (default 32)",
      "  GREENLIGHT_ALERTS_TOKEN  bearer token of the alert receiver (required with an",
      "                        alerts section; never logged)",
      "  GREENLIGHT_ALERTS_PORT, GREENLIGHT_ALERTS_BIND, GREENLIGHT_ALERTS_MAX_BYTES",
      "                        its port (default 9466), address (127.0.0.1), body limit",
      "  GREENLIGHT_CLASSIFIER local | llm | both (overrides classifier.mode)",
      "  GREENLIGHT_LLM_API_KEY, GREENLIGHT_LLM_BASE_URL, GREENLIGHT_LLM_MODEL,",
      "  GREENLIGHT_LLM_TIMEOUT  the optional LLM classifier (key never logged)",
      "Validate a config before deploying it: greenlight check --config FILE",
      "See docs/configuration.md for every key and variable.",
    })
final class RootCommand extends PartCommand implements Callable<Integer> {
  @Override
  Greenlight.Mode mode() {
    return Greenlight.Mode.RUN;
  }
}
