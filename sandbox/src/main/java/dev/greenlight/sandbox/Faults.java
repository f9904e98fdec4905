package dev.greenlight.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the sandbox's Web API and Socket Mode, off until a test arms a fault. Each
 * fault speaks Slack's real protocol: an API error is HTTP 200 with {@code {"ok":false,"error":…}};
 * a rate limit is HTTP 429 with a {@code Retry-After} header and {@code "error":"ratelimited"}; an
 * outage is a 5xx status; a lost reply stores the message and then closes the connection without
 * answering.
 *
 * <p>Faults apply in the order they were armed; the first one that matches a call answers it. A
 * call that a fault answered instead of the method is still recorded in {@link SlackServer#calls},
 * and every applied fault is listed in {@link #injected()}. All methods are thread-safe.
 */
public final class Faults {

  /** Remaining count of a fault that lasts until cleared or until its end. */
  private static final int MAX = Integer.MAX_VALUE;

  private final Object lock = new Object();
  private final List<Rule> rules = new ArrayList<>();
  private final List<InjectedFault> injected = new ArrayList<>();
  private final Runnable socketDropper;
  private final Clock clock;

  Faults(Runnable socketDropper, Clock clock) {
    this.socketDropper = socketDropper;
    this.clock = clock;
  }

  /** Answers every call of {@code method} with the Slack error {@code error} until cleared. */
  public Faults failMethod(String method, String error) {
    return arm(new Rule(method, Kind.API_ERROR, error, 0, null, MAX));
  }

  /**
   * Answers every call of {@code method} naming {@code channel} with the Slack error {@code error}
   * until cleared (a channel deleted, archived or closed to the bot); other channels are answered.
   */
  public Faults failMethodIn(String method, String channel, String error) {
    return arm(new Rule(method, channel, Kind.API_ERROR, error, 0, null, new AtomicInteger(MAX)));
  }

  /** Answers the next {@code times} calls of {@code method} with the Slack error {@code error}. */
  public Faults failMethodTimes(String method, String error, int times) {
    return arm(new Rule(method, Kind.API_ERROR, error, 0, null, positive(times)));
  }

  /** Answers calls of {@code method} with the Slack error {@code error} for {@code duration}. */
  public Faults failMethodFor(String method, String error, Duration duration) {
    return arm(new Rule(method, Kind.API_ERROR, error, 0, until(duration), MAX));
  }

  /**
   * Answers calls of {@code method} with HTTP {@code status} (a 5xx: an outage) and no Slack body
   * for {@code duration}.
   */
  public Faults failMethodFor(String method, int status, Duration duration) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("an outage is a 5xx status, got " + status);
    }
    return arm(new Rule(method, Kind.HTTP_STATUS, "HTTP " + status, status, until(duration), MAX));
  }

  /**
   * Answers the next {@code times} calls of {@code method} with HTTP 429, {@code Retry-After:
   * retryAfterSeconds} and {@code {"ok":false,"error":"ratelimited"}}, as Slack does.
   */
  public Faults rateLimit(String method, int retryAfterSeconds, int times) {
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("Retry-After must not be negative");
    }
    return arm(
        new Rule(
            method, Kind.RATE_LIMITED, "ratelimited", retryAfterSeconds, null, positive(times)));
  }

  /**
   * For the next {@code times} successful calls of {@code method}: does what the call asks (the
   * message is stored) and then closes the connection without a reply, as a reply lost on the way.
   */
  public Faults loseReplyAfterPosting(String method, int times) {
    return arm(new Rule(method, Kind.LOST_REPLY, "reply lost", 0, null, positive(times)));
  }

  /**
   * Closes every Socket Mode connection abruptly (no {@code disconnect} message, no close
   * handshake), as a network drop does. Envelopes sent until a client reconnects are queued.
   */
  public void dropSocket() {
    synchronized (lock) {
      injected.add(new InjectedFault("socket", Kind.SOCKET_DROPPED, "dropped", clock.instant()));
    }
    socketDropper.run();
  }

  /** Disarms every fault (the log of {@link #injected()} is kept). */
  public Faults clear() {
    synchronized (lock) {
      rules.clear();
    }
    return this;
  }

  /** Every fault applied so far, in order. */
  public List<InjectedFault> injected() {
    synchronized (lock) {
      return List.copyOf(injected);
    }
  }

  /** The faults applied so far to {@code method}, in order. */
  public List<InjectedFault> injected(String method) {
    return injected().stream().filter(f -> f.method().equals(method)).toList();
  }

  /** The fault that answers this call of {@code method} instead of the method, if any. */
  Optional<Answer> before(String method) {
    return before(method, null);
  }

  /** The same, for a call naming {@code channel} (null: none). */
  Optional<Answer> before(String method, String channel) {
    return take(method, channel, false);
  }

  /** Whether the reply to this (successful) call of {@code method} is to be lost. */
  boolean loseReply(String method) {
    return take(method, null, true).isPresent();
  }

  private Optional<Answer> take(String method, String channel, boolean afterSuccess) {
    Instant now = clock.instant();
    synchronized (lock) {
      for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
        Rule rule = it.next();
        if (rule.until() != null && !now.isBefore(rule.until())) {
          it.remove();
          continue;
        }
        if (!rule.method().equals(method)
            || (rule.kind() == Kind.LOST_REPLY) != afterSuccess
            || (rule.channel() != null && !rule.channel().equals(channel))) {
          continue;
        }
        if (rule.remaining().decrementAndGet() <= 0) {
          it.remove();
        }
        injected.add(new InjectedFault(method, rule.kind(), rule.detail(), now));
        return Optional.of(new Answer(rule.kind(), rule.detail(), rule.number()));
      }
      return Optional.empty();
    }
  }

  private Faults arm(Rule rule) {
    synchronized (lock) {
      rules.add(rule);
    }
    return this;
  }

  private Instant until(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a fault lasts a positive duration");
    }
    return clock.instant().plus(duration);
  }

  private static int positive(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    return times;
  }

  /** What a fault does to a call. */
  public enum Kind {
    /** HTTP 200 with {@code {"ok":false,"error":…}}. */
    API_ERROR,
    /** A 5xx status: Slack is down. */
    HTTP_STATUS,
    /** HTTP 429 with {@code Retry-After}. */
    RATE_LIMITED,
    /** The call took effect but its reply was dropped. */
    LOST_REPLY,
    /** The Socket Mode connection was closed. */
    SOCKET_DROPPED
  }

  /**
   * How the Web API answers a faulted call.
   *
   * @param kind the fault
   * @param error the Slack error code (API error, rate limit)
   * @param number the HTTP status (outage) or Retry-After seconds (rate limit)
   */
  record Answer(Kind kind, String error, int number) {}

  /**
   * An armed fault; {@code remaining} counts down (under the lock) to its removal; {@code channel}
   * limits it to calls naming that channel (null: every call).
   */
  private record Rule(
      String method,
      String channel,
      Kind kind,
      String detail,
      int number,
      Instant until,
      AtomicInteger remaining) {
    Rule(String method, Kind kind, String detail, int number, Instant until, int times) {
      this(method, null, kind, detail, number, until, new AtomicInteger(times));
    }
  }
}
