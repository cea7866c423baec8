package dev.conduit.testing;

import dev.conduit.http.Headers;
import dev.conduit.testing.internal.Codec;
import dev.conduit.testing.internal.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the fake received, as kept in its {@linkplain FakeOpenAI#journal() journal}: method, path,
 * query, headers, body and which attempt it was.
 *
 * <p>In loopback mode the headers are exactly those on the wire (including {@code host}); in memory
 * they are the request's headers plus {@code host}, {@code content-type} and {@code content-length}
 * as a socket transport would send them. Instances are immutable and thread-safe.
 */
public final class RecordedRequest {
  private final JournalEntry entry;
  private final Codec codec;

  RecordedRequest(JournalEntry entry, Codec codec) {
    this.entry = entry;
    this.codec = codec;
  }

  /**
   * Returns the 0-based position of this request in the journal, or -1 for a request a batch ran
   * (those are not journalled; see {@link FakeOpenAI}).
   */
  public int index() {
    return entry.index();
  }

  /** Returns the upper-case method, e.g. {@code POST}. */
  public String method() {
    return entry.request().method();
  }

  /** Returns the decoded path without the query, e.g. {@code /v1/responses}. */
  public String path() {
    return entry.request().path();
  }

  /** Returns the query as sent (still percent-encoded), or null if there was none. */
  public @Nullable String query() {
    return entry.request().rawQuery();
  }

  /** Returns the first decoded value of query parameter {@code name}, or null. */
  public @Nullable String queryParameter(String name) {
    return entry.request().queryParam(name);
  }

  /** Returns every decoded query parameter, in order. */
  public Map<String, List<String>> queryParameters() {
    return entry.request().query();
  }

  /** Returns every header field, matched by name in any case. */
  public Headers headers() {
    return entry.request().headers();
  }

  /** Returns the first value of header {@code name} (any case), or null. */
  public @Nullable String header(String name) {
    return entry.request().headers().first(name);
  }

  /** Returns the {@code Idempotency-Key} header, or null. */
  public @Nullable String idempotencyKey() {
    return header("idempotency-key");
  }

  /**
   * Returns 1 for a first attempt, 2 for its first retry, and so on: from Conduit's
   * {@code X-Conduit-Attempt} header, else the official SDKs' {@code x-stainless-retry-count}, else by
   * how often this request's {@code Idempotency-Key} was seen.
   */
  public int attempt() {
    return entry.attempt();
  }

  /** Returns when the request arrived, by the fake's clock. */
  public Instant receivedAt() {
    return entry.receivedAt();
  }

  /** Returns a copy of the body bytes (empty if there was none). */
  public byte[] body() {
    return entry.request().body().clone();
  }

  /** Returns the body decoded as UTF-8. */
  public String bodyUtf8() {
    return new String(entry.request().body(), StandardCharsets.UTF_8);
  }

  /**
   * Returns the body parsed as a JSON object in the JSON tree form (maps, lists, strings, Long/Double
   * numbers, booleans).
   *
   * @throws IllegalStateException if the body is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public Map<String, @Nullable Object> bodyJson() {
    Object tree;
    try {
      tree = codec.read(entry.request().body());
    } catch (RuntimeException e) {
      throw new IllegalStateException("the body of " + this + " is not JSON", e);
    }
    if (!(tree instanceof Map)) {
      throw new IllegalStateException("the body of " + this + " is not a JSON object");
    }
    return (Map<String, @Nullable Object>) tree;
  }

  /** Returns a description of the fault injected into the answer to this request, or null if none was. */
  public @Nullable String fault() {
    return entry.fault() == null ? null : entry.fault().toString();
  }

  /** Returns method, path and attempt; never headers or body, which may hold secrets. */
  @Override
  public String toString() {
    return method() + " " + path() + (query() == null ? "" : "?" + query()) + " (attempt " + attempt() + ")";
  }
}
