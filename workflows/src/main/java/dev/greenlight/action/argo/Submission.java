package dev.greenlight.action.argo;

import dev.greenlight.action.ActionContext;
import dev.greenlight.action.ActionFailure;
import dev.greenlight.action.argo.ArgoJson.SubmitOptions;
import dev.greenlight.action.argo.ArgoJson.SubmitRequest;
import dev.greenlight.action.argo.ArgoJson.Workflow;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Submits a template at most once per idempotency key: a workflow already carrying the key's label
 * is adopted; otherwise the template is submitted under a name derived from the key, so a racing
 * second submit is answered 409 and adopts the first.
 *
 * @param client the Argo Server
 * @param namespace where the workflow runs
 * @param resourceKind {@code WorkflowTemplate} or {@code ClusterWorkflowTemplate}
 * @param template the template's name
 * @param parameters rendered catalog parameters: the only values sent
 * @param what names the runbook in messages, e.g. {@code action fix-oom}
 */
record Submission(
    ArgoClient client,
    String namespace,
    String resourceKind,
    String template,
    Map<String, String> parameters,
    String what) {
  private static final Comparator<Workflow> OLDEST_FIRST =
      Comparator.comparing((Workflow w) -> nullToEmpty(w.metadata().creationTimestamp()))
          .thenComparing(w -> nullToEmpty(w.name()));

  /** The workflow of {@code key}: the one found by its label, or a new one submitted now. */
  Workflow adoptOrSubmit(ActionContext context, String key) throws ActionFailure {
    String hash = ArgoLabels.keyHash(key);
    Optional<Workflow> found = find(client, namespace, hash, what);
    if (found.isPresent()) {
      context.heartbeat().beat("adopted Argo workflow " + found.get().name());
      return found.get();
    }
    String name = ArgoLabels.workflowName(template, hash);
    Workflow submitted = submit(context, hash, name);
    context.heartbeat().beat("submitted Argo workflow " + submitted.name());
    return submitted;
  }

  /**
   * The oldest workflow in {@code namespace} carrying the key label {@code hash}, if any.
   *
   * @throws ActionFailure permanent when the server refuses the list, retryable when it fails
   */
  static Optional<Workflow> find(ArgoClient client, String namespace, String hash, String what)
      throws ActionFailure {
    List<Workflow> found;
    try {
      found = client.list(namespace, ArgoLabels.selector(hash), ArgoClient.LIST_FIELDS);
    } catch (ArgoCallException e) {
      throw classified(
          e,
          what
              + ": the Argo Server refused to list workflows in namespace "
              + namespace
              + " ("
              + e.getMessage()
              + "); check the token's RBAC (list workflows)",
          what
              + ": listing workflows in namespace "
              + namespace
              + " failed ("
              + e.getMessage()
              + ")");
    } catch (IOException e) {
      throw unreachable(client, what, e);
    }
    List<Workflow> mine = new ArrayList<>();
    for (Workflow w : found) {
      // The server applies the selector; the check keeps a lax or fake server from misleading us.
      if (w.metadata() != null && hash.equals(w.labels().get(ArgoLabels.KEY))) {
        mine.add(w);
      }
    }
    return mine.stream().min(OLDEST_FIRST);
  }

  private Workflow submit(ActionContext context, String hash, String name) throws ActionFailure {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ArgoLabels.KEY, hash);
    String incident = ArgoLabels.value(context.incidentId());
    if (!incident.isEmpty()) {
      labels.put(ArgoLabels.INCIDENT, incident);
    }
    labels.put(ArgoLabels.RUNBOOK, ArgoLabels.value(context.runbookId()));
    List<String> params = new ArrayList<>();
    parameters.forEach((k, v) -> params.add(k + "=" + v));
    SubmitRequest request =
        new SubmitRequest(
            namespace,
            resourceKind,
            template,
            new SubmitOptions(name, params, ArgoLabels.submitLabels(labels)));
    try {
      return client.submit(namespace, request);
    } catch (ArgoCallException e) {
      if (e.status() == 409) {
        return adoptTaken(name, hash);
      }
      String subject = resourceKind + " " + template + " in namespace " + namespace;
      if (e.forbidden() || e.status() == 404) {
        throw ActionFailure.permanent(
            what
                + ": the Argo Server refused to submit "
                + subject
                + " ("
                + e.getMessage()
                + (e.status() == 404 ? ": no such template or namespace" : "")
                + "); check the token's RBAC (create workflows, get "
                + resourceKind.toLowerCase(Locale.ROOT)
                + "s)");
      }
      throw classified(
          e,
          what
              + ": the Argo Server rejected the submission of "
              + subject
              + " ("
              + e.getMessage()
              + "); check that the template exists and takes these parameters",
          what
              + ": submitting "
              + subject
              + " failed ("
              + e.getMessage()
              + "); a retry adopts the workflow if it was created");
    } catch (IOException e) {
      throw unreachable(client, what, e);
    }
  }

  /** The name was taken (a racing attempt): adopt that workflow when it carries this key. */
  private Workflow adoptTaken(String name, String hash) throws ActionFailure {
    Workflow existing;
    try {
      existing = client.get(namespace, name);
    } catch (ArgoCallException e) {
      throw ActionFailure.retryable(
          what + ": workflow " + name + " exists but cannot be read (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw unreachable(client, what, e);
    }
    if (!hash.equals(existing.labels().get(ArgoLabels.KEY))) {
      throw ActionFailure.permanent(
          what
              + ": a workflow named "
              + name
              + " already exists in namespace "
              + namespace
              + " without this incident's key label; nothing was submitted");
    }
    return existing;
  }

  /** 4xx: permanent with {@code refused}; 5xx: retryable with {@code failed}. */
  static ActionFailure classified(ArgoCallException e, String refused, String failed) {
    return e.serverError() ? ActionFailure.retryable(failed) : ActionFailure.permanent(refused);
  }

  static ActionFailure unreachable(ArgoClient client, String what, IOException e) {
    // The message names the server by its config name, not its URL, and never the token.
    return ActionFailure.unreachable(
        what + ": Argo server '" + client.name() + "' did not answer (" + kind(e) + ")", e);
  }

  private static String kind(IOException e) {
    return e instanceof InterruptedIOException ? "timed out" : e.getClass().getSimpleName();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
