package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode side: a WebSocket server at {@code ws://127.0.0.1:<port>/link/?ticket=...}.
 *
 * <p>Tickets come from {@code apps.connections.open} and are single-use. Each new connection gets a
 * {@code hello}. Envelopes go to the newest healthy connection; connections that were sent a {@code
 * disconnect} are draining and get nothing new. When no healthy connection exists, envelopes are
 * queued and flushed, in order, to the next connection (much like Slack retrying delivery).
 */
final class SocketModeHub {

  private static final Logger log = LoggerFactory.getLogger(SocketModeHub.class);

  private record InFlight(SentEnvelope envelope, long sentAtNanos) {}

  private final String appId;
  private final Server server;
  private final Set<String> tickets = ConcurrentHashMap.newKeySet();
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final List<WebSocket> healthy = new ArrayList<>();
  private final Deque<SentEnvelope> queue = new ArrayDeque<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile Exception startFailure;

  SocketModeHub(String appId, int port) {
    this.appId = appId;
    this.server = new Server(new InetSocketAddress("127.0.0.1", port));
    server.setReuseAddr(true);
    // Envelopes go out the moment they are sent, as from Slack's edge: with Nagle's algorithm on, a
    // second envelope sent back to back waits for the TCP acknowledgement of the first (up to 40
    // ms).
    server.setTcpNoDelay(true);
    server.setDaemon(true);
  }

  void start() {
    server.start();
    try {
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Socket Mode server did not start");
      }
      if (startFailure != null) {
        throw new IllegalStateException("Socket Mode server failed to start", startFailure);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  int port() {
    return server.getPort();
  }

  /** Issues a single-use ticket and returns the URL {@code apps.connections.open} hands out. */
  String newConnectionUrl() {
    String ticket = UUID.randomUUID().toString();
    tickets.add(ticket);
    return "ws://127.0.0.1:" + port() + "/link/?ticket=" + ticket;
  }

  /** Connected, hello'd connections that have not been asked to disconnect. */
  int healthyCount() {
    synchronized (lock) {
      return healthy.size();
    }
  }

  int openCount() {
    return (int) server.getConnections().stream().filter(WebSocket::isOpen).count();
  }

  boolean awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (healthy.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** Delivers the envelope to the newest healthy connection, or queues it until one connects. */
  void send(SentEnvelope envelope) {
    synchronized (lock) {
      for (int i = healthy.size() - 1; i >= 0; i--) {
        if (deliver(healthy.get(i), envelope)) {
          return;
        }
      }
      log.debug("No Socket Mode connection; queueing envelope {}", envelope.envelopeId());
      queue.addLast(envelope);
    }
  }

  void disconnectAll(String reason) {
    String frame = Payloads.disconnect(reason);
    synchronized (lock) {
      for (WebSocket conn : healthy) {
        if (conn.isOpen()) {
          conn.send(frame);
        }
      }
      healthy.clear();
    }
  }

  /**
   * Closes every open connection without a close handshake (code 1006), as a network drop does.
   * Envelopes sent afterwards are queued until a client connects again.
   */
  void dropAll() {
    synchronized (lock) {
      healthy.clear();
    }
    for (WebSocket conn : server.getConnections()) {
      conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the sandbox");
    }
  }

  void stop() {
    try {
      server.stop(1000, "sandbox closing");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean deliver(WebSocket conn, SentEnvelope envelope) {
    if (!conn.isOpen()) {
      return false;
    }
    // Slack's side ends once the frame is built: the time counts from its write to the socket.
    String frame = Payloads.envelope(envelope);
    inFlight.put(envelope.envelopeId(), new InFlight(envelope, System.nanoTime()));
    try {
      conn.send(frame);
      return true;
    } catch (RuntimeException e) {
      inFlight.remove(envelope.envelopeId());
      log.debug("Could not send envelope {}: {}", envelope.envelopeId(), e.toString());
      return false;
    }
  }

  private void onAck(String text) {
    JsonNode frame;
    try {
      frame = Json.parse(text);
    } catch (IllegalArgumentException e) {
      log.warn("Ignoring malformed Socket Mode frame");
      return;
    }
    String envelopeId = frame == null ? null : frame.path("envelope_id").asText(null);
    InFlight pending = envelopeId == null ? null : inFlight.remove(envelopeId);
    if (pending == null) {
      log.warn("Ack for unknown envelope {}", envelopeId);
      return;
    }
    JsonNode payload = frame.get("payload");
    Duration latency = Duration.ofNanos(System.nanoTime() - pending.sentAtNanos());
    pending
        .envelope()
        .ack()
        .complete(
            new Ack(
                envelopeId,
                payload == null || payload.isNull() ? null : payload,
                latency,
                pending.sentAtNanos()));
  }

  private void onConnected(WebSocket conn) {
    synchronized (lock) {
      healthy.add(conn);
      conn.send(Payloads.hello(healthy.size(), appId));
      while (!queue.isEmpty() && deliver(conn, queue.peekFirst())) {
        queue.removeFirst();
      }
      lock.notifyAll();
    }
  }

  private void onDisconnected(WebSocket conn) {
    synchronized (lock) {
      healthy.remove(conn);
    }
  }

  private final class Server extends WebSocketServer {

    Server(InetSocketAddress address) {
      super(address);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
        WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
      String resource = request.getResourceDescriptor();
      int at = resource.indexOf("ticket=");
      String ticket = at < 0 ? null : resource.substring(at + "ticket=".length()).split("&")[0];
      if (!resource.startsWith("/link") || ticket == null || !tickets.remove(ticket)) {
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "invalid ticket");
      }
      return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      log.debug("Socket Mode client connected from {}", conn.getRemoteSocketAddress());
      onConnected(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      log.debug("Socket Mode client disconnected ({} {})", code, reason);
      onDisconnected(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      onAck(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
      log.debug("Socket Mode connection error: {}", ex.toString());
      if (conn == null && started.getCount() > 0) {
        startFailure = ex;
        started.countDown();
      }
    }

    @Override
    public void onStart() {
      setConnectionLostTimeout(30);
      started.countDown();
    }
  }
}
