package dev.conduit.testing.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Scripted answers for requests that ask the model for output (creating a response or a chat
 * completion). Standing rules are tried first, in the order they were added; then the queue, one
 * answer per request. Thread-safe.
 */
public final class Script {
  private record Rule(Predicate<JournalEntry> when, List<ReplyPart> parts) {}

  private final List<Rule> rules = new ArrayList<>();
  private final Deque<List<ReplyPart>> queue = new ArrayDeque<>();

  public synchronized void enqueue(List<ReplyPart> parts) {
    queue.addLast(List.copyOf(parts));
  }

  public synchronized void when(Predicate<JournalEntry> when, List<ReplyPart> parts) {
    rules.add(new Rule(when, List.copyOf(parts)));
  }

  /** Returns the scripted answer for {@code entry} (consuming a queued one), or null to let the model decide. */
  public @Nullable List<ReplyPart> next(JournalEntry entry) {
    List<Rule> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(rules);
    }
    for (Rule r : snapshot) {
      if (r.when().test(entry)) {
        return r.parts();
      }
    }
    synchronized (this) {
      return queue.pollFirst();
    }
  }

  public synchronized int pending() {
    return queue.size();
  }

  public synchronized void clear() {
    rules.clear();
    queue.clear();
  }
}
