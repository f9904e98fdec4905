package dev.greenlight.bot.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where the management server listens: {@value #PORT_VARIABLE} (default {@value #DEFAULT_PORT};
 * {@code 0} picks a free port) on {@value #BIND_VARIABLE} (default {@value #DEFAULT_BIND}).
 *
 * @param bind the address to bind, a host name or IP literal
 * @param port 0 to 65535
 */
public record ManagementSettings(String bind, int port) {
  public static final String PORT_VARIABLE = "GREENLIGHT_MANAGEMENT_PORT";
  public static final String BIND_VARIABLE = "GREENLIGHT_MANAGEMENT_BIND";
  public static final int DEFAULT_PORT = 9464;
  public static final String DEFAULT_BIND = "127.0.0.1";

  /** Prometheus's text format, for a scraper (a ServiceMonitor's port named {@code metrics}). */
  public static final String METRICS_PATH = "/metrics";

  /** 200 while the process is alive: the liveness probe. */
  public static final String HEALTH_PATH = "/healthz";

  /** 200 when this process can do its job, 503 with a one-line JSON reason otherwise. */
  public static final String READY_PATH = "/readyz";

  public ManagementSettings {
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException(BIND_VARIABLE + " must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          PORT_VARIABLE + " must be from 0 to 65535 (got " + port + ")");
    }
  }

  /** Reads both variables; a value that is not a port number is refused, naming the variable. */
  public static ManagementSettings fromEnv(Map<String, String> env) {
    String port = env.getOrDefault(PORT_VARIABLE, "").trim();
    String bind = env.getOrDefault(BIND_VARIABLE, "").trim();
    int p;
    try {
      p = port.isEmpty() ? DEFAULT_PORT : Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          PORT_VARIABLE + " must be a port number from 0 to 65535 (got '" + port + "')", e);
    }
    return new ManagementSettings(bind.isEmpty() ? DEFAULT_BIND : bind, p);
  }

  /** Whether {@link #bind} is a loopback address (reachable from this machine only). */
  public boolean isLoopback() {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
