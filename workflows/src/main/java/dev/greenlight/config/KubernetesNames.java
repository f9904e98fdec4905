package dev.greenlight.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for the Kubernetes names a catalog writes: namespaces and workload names are fixed text
 * or templates over {@code {service}} only, and must render to a name the API accepts.
 */
public final class KubernetesNames {
  /** A DNS-1123 label: namespaces, Job names, container names. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** A DNS-1123 subdomain: Deployment, StatefulSet and DaemonSet names. */
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\w.-]+)}");

  /** A sample service name to check the literal parts of a template with. */
  private static final Map<String, String> SAMPLE = Map.of("service", "svc");

  private KubernetesNames() {}

  /** Whether {@code name} is a valid namespace (or other DNS-1123 label). */
  public static boolean isLabel(String name) {
    return LABEL.matcher(name).matches();
  }

  /** Whether {@code name} is a valid workload name (a DNS-1123 subdomain). */
  public static boolean isSubdomain(String name) {
    return name.length() <= 253 && SUBDOMAIN.matcher(name).matches();
  }

  /**
   * {@code template}, a name that may use {@code {service}} only and renders to a valid name.
   *
   * @param label whether the name must be a DNS-1123 label (a namespace) rather than a subdomain
   */
  static String template(String key, String template, boolean label) {
    Check.text(key, template);
    var m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      Invalid.require(
          m.group(1).equals("service"),
          key,
          ": unknown placeholder "
              + m.group()
              + " (a Kubernetes name may use only {service}, never {incident} or free text)");
    }
    String sample = Template.renderBody(template, SAMPLE);
    Invalid.require(
        label ? isLabel(sample) : isSubdomain(sample),
        key,
        ": '"
            + template
            + "' is not a valid Kubernetes name (lower-case letters, digits and '-'"
            + (label ? "" : ", '.'")
            + ")");
    return template;
  }

  /** {@code template} rendered with the validated {@code service}. */
  public static String render(String template, Map<String, String> vars) {
    return Template.renderBody(template, vars);
  }
}
