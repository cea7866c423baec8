package dev.conduit.testing.internal;

import dev.conduit.http.Headers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every request the fake received, in arrival order. The attempt number comes from Conduit's
 * {@code X-Conduit-Attempt} header, else from the official SDKs' {@code x-stainless-retry-count},
 * else from how often the request's {@code Idempotency-Key} was seen. Thread-safe.
 */
public final class Journal {
  private final List<JournalEntry> entries = new ArrayList<>();
  private final Map<String, Integer> keys = new HashMap<>();

  /** Records {@code request} and returns its entry. */
  public synchronized JournalEntry record(IncomingRequest request, Instant now) {
    JournalEntry e = new JournalEntry(entries.size(), request, attempt(request.headers()), now, null);
    entries.add(e);
    return e;
  }

  /** Notes the fault injected into the answer to {@code entry}. */
  public synchronized void noteFault(JournalEntry entry, FaultSpec fault) {
    JournalEntry updated = new JournalEntry(entry.index(), entry.request(), entry.attempt(), entry.receivedAt(), fault);
    if (entry.index() < entries.size() && entries.get(entry.index()) == entry) {
      entries.set(entry.index(), updated);
    }
  }

  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
    keys.clear();
  }

  private int attempt(Headers headers) {
    String key = headers.first("idempotency-key");
    int seen = key == null ? 1 : keys.merge(key, 1, Integer::sum);
    Integer conduit = parse(headers.first("x-conduit-attempt"));
    if (conduit != null && conduit >= 1) {
      return conduit;
    }
    Integer stainless = parse(headers.first("x-stainless-retry-count"));
    if (stainless != null && stainless >= 0) {
      return stainless + 1;
    }
    return seen;
  }

  private static @Nullable Integer parse(@Nullable String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
