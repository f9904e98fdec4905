package dev.greenlight.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The harness's command line: {@code [--size smoke|full] [--pending 1000,5000,10000] [--server …]
 * [--pending-server …]}. A bad value is an {@link IllegalArgumentException} naming the flag.
 */
record BenchArgs(Size size, List<Loop.Server> servers, List<Loop.Server> pendingServers) {
  static final String USAGE =
      "usage: greenlight-bench [--size smoke|full] [--pending 1000,5000,10000]"
          + " [--server dev-server|embedded|address|both|all|none]"
          + " [--pending-server dev-server|embedded|both|none]";

  static BenchArgs parse(String[] args, Map<String, String> env) {
    String size = "full";
    List<Integer> pending = null;
    List<Loop.Server> servers = Loop.Server.parse("all", env);
    List<Loop.Server> pendingServers = Loop.Server.parsePending("both");
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.startsWith("--size=")) {
        size = flag.substring("--size=".length());
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(
            flag.startsWith("--") ? flag + " needs a value" : "unexpected argument " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--size" -> size = value;
        case "--pending" -> pending = sizes(value);
        case "--server" -> servers = Loop.Server.parse(value, env);
        case "--pending-server" -> pendingServers = Loop.Server.parsePending(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    Size chosen = Size.named(size);
    return new BenchArgs(
        pending == null ? chosen : chosen.withPending(pending), servers, pendingServers);
  }

  private static List<Integer> sizes(String value) {
    try {
      List<Integer> sizes =
          Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
      if (sizes.stream().anyMatch(n -> n <= 0)) {
        throw new NumberFormatException();
      }
      return sizes;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--pending must be a comma-separated list of positive counts (got " + value + ")");
    }
  }
}
