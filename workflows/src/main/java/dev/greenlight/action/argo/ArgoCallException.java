package dev.greenlight.action.argo;

/**
 * The Argo Server answered a call with an error status. The message is only {@code HTTP <status>};
 * the server's own text is kept apart ({@link #serverMessage()}) and read, never shown.
 */
final class ArgoCallException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String serverMessage;

  ArgoCallException(int status, String serverMessage) {
    super("HTTP " + status);
    this.status = status;
    this.serverMessage = serverMessage == null ? "" : serverMessage;
  }

  int status() {
    return status;
  }

  String serverMessage() {
    return serverMessage;
  }

  boolean forbidden() {
    return status == 401 || status == 403;
  }

  boolean serverError() {
    return status >= 500;
  }
}
