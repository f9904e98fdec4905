package dev.greenlight.action.argo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;

/**
 * The fake server's {@code POST …/submit}: the template must exist, labels must be valid label
 * values, a taken name is answered 409, and the new workflow follows its template's plan.
 */
final class FakeSubmit {
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

  private FakeSubmit() {}

  static MockResponse submit(FakeArgoServer s, String ns, JsonNode req) {
    String kind = req.path("resourceKind").asText();
    String template = req.path("resourceName").asText();
    String key =
        kind.equals("ClusterWorkflowTemplate") ? "cluster/" + template : ns + "/" + template;
    if (!s.templates.contains(key)) {
      String what =
          kind.equals("ClusterWorkflowTemplate") ? "clusterworkflowtemplates" : "workflowtemplates";
      return FakeResponses.error(404, 5, what + ".argoproj.io \"" + template + "\" not found");
    }
    JsonNode opts = req.path("submitOptions");
    Map<String, String> labels = new LinkedHashMap<>();
    String labelText = opts.path("labels").asText("");
    for (String kv : labelText.isEmpty() ? new String[0] : labelText.split(",")) {
      String[] p = kv.split("=", 2);
      if (p.length != 2 || !LABEL_VALUE.matcher(p[1]).matches()) {
        return FakeResponses.error(
            400, 3, "expected labels of the form: NAME1=VALUE2,NAME2=VALUE2");
      }
      labels.put(p[0], p[1]);
    }
    List<String> params = new ArrayList<>();
    opts.path("parameters").forEach(p -> params.add(p.asText()));
    String name = opts.path("name").asText("");
    if (name.isEmpty()) {
      name = template + "-" + Integer.toString(36 * 36 * 36 * 36 + ++s.created, 36);
    }
    if (s.workflows.containsKey(ns + "/" + name)) {
      return FakeResponses.error(409, 6, "s.workflows.argoproj.io \"" + name + "\" already exists");
    }
    FakeWorkflow w =
        new FakeWorkflow(ns, name, "uid-" + name, kind, template, params, labels, s.stamp());
    FakeArgoServer.Plan plan = s.plans.get(template);
    if (plan != null) {
      w.readsUntilEnd = plan.runningReads();
      w.ending = plan.ending();
    }
    s.workflows.put(ns + "/" + name, w);
    if (s.loseSubmitReply) {
      s.loseSubmitReply = false;
      return FakeResponses.error(503, 14, "upstream connect error");
    }
    return FakeResponses.ok(w.json());
  }
}
