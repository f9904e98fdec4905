package dev.greenlight.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Someone the catalog names as an approver or an escalation target: a Slack user ({@code U…},
 * {@code W…}) or a Slack user group ({@code S…}), whose members are looked up when a gate opens. It
 * travels as its plain ID, in config files and in workflow payloads alike.
 */
public record Principal(Kind kind, String id) {
  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,}");

  /** Whether the ID names one person or a group of them. */
  public enum Kind {
    USER,
    GROUP
  }

  public Principal {
    if (kind == null || id == null) {
      throw new IllegalArgumentException("a principal needs a kind and an ID");
    }
  }

  /** The principal an ID names, or empty when it is neither a user nor a user group ID. */
  public static Optional<Principal> parse(String id) {
    String t = id == null ? "" : id.trim();
    if (USER.matcher(t).matches()) {
      return Optional.of(new Principal(Kind.USER, t));
    }
    if (GROUP.matcher(t).matches()) {
      return Optional.of(new Principal(Kind.GROUP, t));
    }
    return Optional.empty();
  }

  /** Whether {@code id} is a Slack user ID ({@code U…} or {@code W…}). */
  public static boolean isUserId(String id) {
    return id != null && USER.matcher(id).matches();
  }

  /** The principal an ID names; fails with a message naming the ID when it is neither. */
  @JsonCreator
  public static Principal of(String id) {
    return parse(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + id
                        + "' is not a Slack user ID (U012ABCDEF) or user group ID (S012ABCDEF)"));
  }

  /** A Slack user. */
  public static Principal user(String id) {
    Principal p = of(id);
    if (p.isGroup()) {
      throw new IllegalArgumentException("'" + id + "' is a user group, not a user");
    }
    return p;
  }

  public boolean isGroup() {
    return kind == Kind.GROUP;
  }

  /** Whether any of {@code principals} is a group (membership may change while a gate waits). */
  public static boolean anyGroup(List<Principal> principals) {
    return principals.stream().anyMatch(Principal::isGroup);
  }

  /** The IDs, in order. */
  public static List<String> ids(List<Principal> principals) {
    return principals.stream().map(Principal::id).toList();
  }

  @JsonValue
  @Override
  public String toString() {
    return id;
  }
}
