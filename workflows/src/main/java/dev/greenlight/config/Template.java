package dev.greenlight.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's only templating: {@code {service}} and {@code {incident}}, filled with validated
 * values and URL-encoded in URLs. Model text never reaches a template.
 */
public final class Template {
  public static final Set<String> PLACEHOLDERS = Set.of("service", "incident");
  // A name made of word characters, so JSON braces in a body ({}, {"a":1}) are text, not
  // placeholders.
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\w.-]+)}");

  /**
   * Values that render each placeholder as itself, to show a template as written: {@code
   * describe(Template.VISIBLE)} gives {@code POST http://host/restart?service={service}}. Only this
   * map is exempt from URL-encoding; real values are always encoded.
   */
  public static final Map<String, String> VISIBLE =
      Map.of("service", "{service}", "incident", "{incident}");

  private Template() {}

  /** The first placeholder that is not allowed, or null when the template is fine. */
  static String unknownPlaceholder(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        return m.group();
      }
    }
    return null;
  }

  public static String renderUrl(String template, Map<String, String> vars) {
    return render(template, vars, true);
  }

  public static String renderBody(String template, Map<String, String> vars) {
    return render(template, vars, false);
  }

  private static String render(String template, Map<String, String> vars, boolean encode) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = vars.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for placeholder " + m.group());
      }
      String text =
          encode && vars != VISIBLE ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value;
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }
}
