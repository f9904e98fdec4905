package dev.greenlight.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One Argo Server: an entry of {@code argo.servers}. The Bearer token is never in the file: {@code
 * token-env} names the environment variable that holds it, read once at worker start, and never
 * logged or shown.
 *
 * @param url the Argo Server's base URL, e.g. {@code https://argo.example.com:2746}
 * @param uiUrl the base URL of links to the Argo UI; the server's URL when absent
 * @param tokenEnv the environment variable holding the token ({@code argo auth token}'s output,
 *     with or without {@code Bearer }); none for a server in {@code --auth-mode=server}
 * @param caFile a PEM file of the CA certificates to trust instead of the JVM's
 * @param insecureSkipVerify trust any certificate (off by default; never with {@code ca-file})
 * @param pollInterval how often a running workflow is read, at most {@link #MAX_POLL_INTERVAL}
 */
public record ArgoServer(
    String url,
    @JsonProperty("ui-url") String uiUrl,
    @JsonProperty("token-env") String tokenEnv,
    @JsonProperty("ca-file") String caFile,
    @JsonProperty("insecure-skip-verify") boolean insecureSkipVerify,
    @JsonProperty("poll-interval") Duration pollInterval) {
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

  /** Well inside the verify activity's 2-minute heartbeat timeout. */
  public static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(1);

  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public ArgoServer {
    url = base("argo.servers.*.url", url, true);
    uiUrl = uiUrl == null || uiUrl.isBlank() ? url : base("argo.servers.*.ui-url", uiUrl, false);
    if (tokenEnv != null && !ENV.matcher(tokenEnv).matches()) {
      throw new ConfigException(
          "argo.servers.*.token-env: '" + tokenEnv + "' is not an environment variable name");
    }
    if (caFile != null && caFile.isBlank()) {
      caFile = null;
    }
    if (caFile != null && insecureSkipVerify) {
      throw new ConfigException(
          "argo.servers.*.insecure-skip-verify: cannot be true together with ca-file");
    }
    pollInterval =
        ArgoKeys.duration(
            "argo.servers.*.poll-interval", pollInterval, DEFAULT_POLL_INTERVAL, MAX_POLL_INTERVAL);
  }

  /** A base URL without a trailing slash, query, fragment or user info. */
  private static String base(String key, String url, boolean required) {
    if (url == null || url.isBlank()) {
      throw new ConfigException(key + ": required");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new ConfigException(key + ": '" + url + "' is not a URL");
    }
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new ConfigException(key + ": '" + url + "' must be http:// or https://");
    }
    if (uri.getHost() == null) {
      throw new ConfigException(key + ": '" + url + "' has no host");
    }
    // A token or password in the URL would be printed wherever the URL is.
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigException(key + ": no user info, query or fragment allowed");
    }
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }
}
