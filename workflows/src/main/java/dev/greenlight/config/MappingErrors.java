package dev.greenlight.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.greenlight.api.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns Jackson's complaints about a config file into one sentence that names the key path, in the
 * form {@code runbooks[0].action.method}, and the rule the value broke.
 */
final class MappingErrors {
  private MappingErrors() {}

  static String describe(JsonMappingException e) {
    String path = path(e);
    Invalid invalid = invalidCause(e);
    if (invalid != null) {
      return invalid.render(path);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown key " + path + " (allowed here: " + allowed(u) + ")";
    }
    if (e instanceof InvalidNullException) {
      return subject(path) + " must not be empty";
    }
    if (e instanceof InvalidFormatException f) {
      return subject(path)
          + " must be "
          + expected(f.getTargetType())
          + " (got '"
          + f.getValue()
          + "')";
    }
    if (e instanceof MismatchedInputException m) {
      return subject(path) + " must be " + expected(m.getTargetType());
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      // A value type of dev.greenlight.api (a Principal) refused its text, and its message quotes
      // it: like every message that quotes a list item, it names the list rather than the index.
      return subject(withoutIndex(path)) + ": " + e.getCause().getMessage();
    }
    return subject(path) + ": " + e.getOriginalMessage();
  }

  /** The key path, e.g. {@code runbooks[0].action.method}; empty for the top of the file. */
  static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static Invalid invalidCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Invalid invalid) {
        return invalid;
      }
    }
    return null;
  }

  private static String allowed(UnrecognizedPropertyException u) {
    TreeSet<String> keys = new TreeSet<>();
    Collection<Object> known = u.getKnownPropertyIds();
    if (known != null) {
      known.forEach(k -> keys.add(k.toString()));
    }
    if (Kinds.isKind(u.getReferringClass())) {
      keys.add("type");
    }
    return String.join(", ", keys);
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "something else";
    }
    if (type == Principal.class) {
      return "a Slack user ID (U012ABCDEF) or user group ID (S012ABCDEF)";
    }
    if (type == String.class) {
      return "a text";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "a duration like 30s, 5m, 4h or PT4H";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> c.toString().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord() || type.isInterface()) {
      return "a mapping";
    }
    return "a " + type.getSimpleName();
  }

  private static String subject(String path) {
    return path.isEmpty() ? "the file" : path;
  }

  private static String withoutIndex(String path) {
    return path.endsWith("]") ? path.substring(0, path.lastIndexOf('[')) : path;
  }
}
