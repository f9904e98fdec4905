package dev.greenlight.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe store of channel messages and ephemeral messages, with Slack-style ts ids. */
final class MessageStore {

  private final AtomicLong clock = new AtomicLong(System.currentTimeMillis() / 1000 * 1_000_000);
  private final Map<String, LinkedHashMap<String, Message>> byChannel = new HashMap<>();
  private final Map<String, List<Message>> ephemeralsByUser = new HashMap<>();
  private final Runnable onChange;

  MessageStore() {
    this(() -> {});
  }

  /** {@code onChange} runs after every post, edit, delete and ephemeral; it must not block. */
  MessageStore(Runnable onChange) {
    this.onChange = onChange;
  }

  /** Returns a fresh, strictly increasing ts such as {@code "1700000000.000100"}. */
  String nextTs() {
    long micros = clock.addAndGet(100);
    return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  synchronized Message post(
      String channel, String threadTs, String user, String text, JsonNode blocks) {
    return post(channel, threadTs, user, text, blocks, null);
  }

  /** Posts a message carrying Slack message {@code metadata} (null: none). */
  synchronized Message post(
      String channel,
      String threadTs,
      String user,
      String text,
      JsonNode blocks,
      JsonNode metadata) {
    Message message = new Message(channel, nextTs(), threadTs, user, text, blocks, 0, metadata);
    byChannel.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(message.ts(), message);
    onChange.run();
    return message;
  }

  /** Edits a message in place; returns the new state, or empty if there is no such message. */
  synchronized Optional<Message> update(String channel, String ts, String text, JsonNode blocks) {
    LinkedHashMap<String, Message> messages = byChannel.get(channel);
    Message current = messages == null ? null : messages.get(ts);
    if (current == null) {
      return Optional.empty();
    }
    Message edited = current.edited(text, blocks);
    messages.put(ts, edited);
    onChange.run();
    return Optional.of(edited);
  }

  synchronized boolean delete(String channel, String ts) {
    LinkedHashMap<String, Message> messages = byChannel.get(channel);
    boolean removed = messages != null && messages.remove(ts) != null;
    if (removed) {
      onChange.run();
    }
    return removed;
  }

  synchronized Message postEphemeral(
      String channel, String recipient, String author, String text, JsonNode blocks) {
    Message message = new Message(channel, nextTs(), null, author, text, blocks, 0);
    ephemeralsByUser.computeIfAbsent(recipient, u -> new ArrayList<>()).add(message);
    onChange.run();
    return message;
  }

  synchronized Optional<Message> find(String channel, String ts) {
    LinkedHashMap<String, Message> messages = byChannel.get(channel);
    return Optional.ofNullable(messages == null ? null : messages.get(ts));
  }

  synchronized List<Message> topLevel(String channel) {
    return select(channel, null);
  }

  synchronized List<Message> replies(String channel, String threadTs) {
    return select(channel, threadTs);
  }

  synchronized List<Message> ephemerals(String user) {
    return List.copyOf(ephemeralsByUser.getOrDefault(user, List.of()));
  }

  private List<Message> select(String channel, String threadTs) {
    List<Message> result = new ArrayList<>();
    for (Message m : byChannel.getOrDefault(channel, new LinkedHashMap<>()).values()) {
      if (threadTs == null ? m.threadTs() == null : threadTs.equals(m.threadTs())) {
        result.add(m);
      }
    }
    return List.copyOf(result);
  }
}
