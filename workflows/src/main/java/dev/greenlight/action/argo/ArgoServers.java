package dev.greenlight.action.argo;

import dev.greenlight.action.ActionFailure;
import dev.greenlight.config.ArgoAction;
import dev.greenlight.config.ArgoServer;
import dev.greenlight.config.ArgoSettings;
import dev.greenlight.config.ArgoVerify;
import dev.greenlight.config.ConfigException;
import dev.greenlight.config.Runbook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured Argo Servers, each with its token and TLS options, built once at worker start.
 * Tokens are read from the environment variables the config names and are held by the clients only:
 * the log says whether a token is set, never what it is.
 */
public final class ArgoServers {
  private static final Logger log = LoggerFactory.getLogger(ArgoServers.class);

  /**
   * One call's limit. The action's wait (at most 4 minutes, counted from the activity's start) plus
   * one last call stays inside the remediate activity's 5 minutes.
   */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

  private final Map<String, ArgoClient> clients;

  private ArgoServers(Map<String, ArgoClient> clients) {
    this.clients = Map.copyOf(clients);
  }

  /**
   * Builds a client per server.
   *
   * @param env the process environment (or a test's), where each {@code token-env} is read
   * @throws ConfigException when a named token variable is unset or empty, or a CA file is bad
   */
  public static ArgoServers from(
      ArgoSettings settings, Map<String, String> env, OkHttpClient http) {
    Map<String, ArgoClient> clients = new TreeMap<>();
    settings
        .servers()
        .forEach((name, server) -> clients.put(name, client(name, server, env, http)));
    return new ArgoServers(clients);
  }

  private static ArgoClient client(
      String name, ArgoServer server, Map<String, String> env, OkHttpClient http) {
    String token = null;
    if (server.tokenEnv() != null) {
      token = env.get(server.tokenEnv());
      if (token == null || token.isBlank()) {
        throw new ConfigException(
            "argo.servers."
                + name
                + ".token-env: environment variable "
                + server.tokenEnv()
                + " is not set");
      }
    }
    OkHttpClient.Builder builder =
        http.newBuilder()
            .callTimeout(CALL_TIMEOUT)
            .followRedirects(false)
            .followSslRedirects(false);
    Tls.apply(builder, name, server);
    if (token != null && server.url().startsWith("http://") && !loopback(server.url())) {
      log.warn("Argo server '{}': the token is sent over plain http; use https", name);
    }
    log.info(
        "Argo server '{}': {} (token {})",
        name,
        server.url(),
        server.tokenEnv() == null ? "none" : "from " + server.tokenEnv() + ", set");
    return new ArgoClient(
        name,
        HttpUrl.get(server.url()),
        server.uiUrl(),
        token,
        builder.build(),
        server.pollInterval());
  }

  private static boolean loopback(String url) {
    String host = HttpUrl.get(url).host();
    return host.equals("localhost")
        || host.equals("127.0.0.1")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  /**
   * Checks that every {@code argo} action and check names a configured server, so a typo stops the
   * worker instead of failing the first approved incident.
   *
   * @throws ConfigException naming the runbook, the key and the server
   */
  public void requireAll(List<Runbook> runbooks) {
    for (int i = 0; i < runbooks.size(); i++) {
      Runbook r = runbooks.get(i);
      if (r.action() instanceof ArgoAction a && !clients.containsKey(a.server())) {
        throw unknown(r, i, "action", a.server());
      }
      if (r.verify() instanceof ArgoVerify v) {
        if (!clients.containsKey(v.server())) {
          throw unknown(r, i, "verify", v.server());
        }
        if (!v.runsTemplate()) {
          requireFollowable(r, i, v);
        }
      }
    }
  }

  /** A check without a template follows the action's workflow, so there must be one to find. */
  private static void requireFollowable(Runbook r, int index, ArgoVerify v) {
    String where = String.format("runbook '%s' (runbooks[%d].verify", r.id(), index);
    if (!(r.action() instanceof ArgoAction a)) {
      throw new ConfigException(
          where
              + ".template): a check of type argo without a template follows the action's"
              + " workflow, but the action is of type "
              + r.action().type());
    }
    if (!a.server().equals(v.server()) || !a.namespace().equals(v.namespace())) {
      throw new ConfigException(
          where
              + ".namespace): the check follows the action's workflow in "
              + a.server()
              + "/"
              + a.namespace()
              + ", not "
              + v.server()
              + "/"
              + v.namespace());
    }
  }

  private ConfigException unknown(Runbook r, int index, String side, String server) {
    return new ConfigException(
        String.format(
            "runbook '%s' (runbooks[%d].%s.server): no Argo server '%s' in argo.servers"
                + " (known: %s)",
            r.id(), index, side, server, String.join(", ", clients.keySet())));
  }

  /** The client of {@code server}; {@code what} names the runbook in the refusal. */
  ArgoClient client(String server, String what) throws ActionFailure {
    ArgoClient client = clients.get(server);
    if (client == null) {
      // Unreachable once requireAll passed for the catalog this worker serves.
      throw ActionFailure.permanent(what + ": no Argo server '" + server + "' is configured");
    }
    return client;
  }
}
