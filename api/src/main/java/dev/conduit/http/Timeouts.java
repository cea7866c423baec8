package dev.conduit.http;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The six timeouts Conduit applies to an HTTP exchange. Each one guards a different phase:
 *
 * <ul>
 *   <li>{@link Kind#CONNECT}: establishing the TCP (and TLS) connection;
 *   <li>{@link Kind#POOL}: waiting for a free pooled connection;
 *   <li>{@link Kind#WRITE}: the longest gap while sending the request body;
 *   <li>{@link Kind#RESPONSE}: from the request being sent to the response headers arriving;
 *   <li>{@link Kind#READ}: the longest idle gap between two reads of the response body (this is what
 *       guards a stream);
 *   <li>{@link Kind#CALL}: an overall deadline for a whole non-streaming call, all retries included.
 * </ul>
 *
 * <p>A value left unset (null) inherits from the enclosing level: per-call options inherit from the
 * client, the client from {@link #defaults()}. Instances are immutable.
 */
public final class Timeouts {
  /** Which timeout fired. */
  public enum Kind {
    CONNECT,
    RESPONSE,
    READ,
    WRITE,
    POOL,
    CALL;

    /** Returns the lower-case name used in messages and options, e.g. {@code "read"}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final Timeouts NONE = new Timeouts(null, null, null, null, null, null);
  private static final Timeouts DEFAULTS =
      new Timeouts(
          Duration.ofSeconds(10),
          Duration.ofMinutes(10),
          Duration.ofMinutes(10),
          Duration.ofMinutes(10),
          Duration.ofMinutes(10),
          null);

  private final @Nullable Duration connect;
  private final @Nullable Duration response;
  private final @Nullable Duration read;
  private final @Nullable Duration write;
  private final @Nullable Duration pool;
  private final @Nullable Duration call;

  private Timeouts(
      @Nullable Duration connect,
      @Nullable Duration response,
      @Nullable Duration read,
      @Nullable Duration write,
      @Nullable Duration pool,
      @Nullable Duration call) {
    this.connect = connect;
    this.response = response;
    this.read = read;
    this.write = write;
    this.pool = pool;
    this.call = call;
  }

  /**
   * Returns Conduit's defaults: connect 10 s; response, read, write and pool 10 min (like the
   * official SDKs, so long reasoning requests are not cut short); no overall call deadline.
   */
  public static Timeouts defaults() {
    return DEFAULTS;
  }

  /** Returns timeouts with every value unset, to be filled with the {@code with...} methods. */
  public static Timeouts none() {
    return NONE;
  }

  public @Nullable Duration connect() {
    return connect;
  }

  public @Nullable Duration response() {
    return response;
  }

  public @Nullable Duration read() {
    return read;
  }

  public @Nullable Duration write() {
    return write;
  }

  public @Nullable Duration pool() {
    return pool;
  }

  public @Nullable Duration call() {
    return call;
  }

  /** Returns the value of {@code kind}, or null if unset. */
  public @Nullable Duration get(Kind kind) {
    switch (kind) {
      case CONNECT:
        return connect;
      case RESPONSE:
        return response;
      case READ:
        return read;
      case WRITE:
        return write;
      case POOL:
        return pool;
      case CALL:
        return call;
      default:
        throw new AssertionError(kind);
    }
  }

  /** Returns a copy with {@code kind} set to {@code value} (null unsets it). */
  public Timeouts with(Kind kind, @Nullable Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new IllegalArgumentException(kind.label() + " timeout <= 0: " + value);
    }
    return new Timeouts(
        kind == Kind.CONNECT ? value : connect,
        kind == Kind.RESPONSE ? value : response,
        kind == Kind.READ ? value : read,
        kind == Kind.WRITE ? value : write,
        kind == Kind.POOL ? value : pool,
        kind == Kind.CALL ? value : call);
  }

  public Timeouts withConnect(@Nullable Duration value) {
    return with(Kind.CONNECT, value);
  }

  public Timeouts withResponse(@Nullable Duration value) {
    return with(Kind.RESPONSE, value);
  }

  public Timeouts withRead(@Nullable Duration value) {
    return with(Kind.READ, value);
  }

  public Timeouts withWrite(@Nullable Duration value) {
    return with(Kind.WRITE, value);
  }

  public Timeouts withPool(@Nullable Duration value) {
    return with(Kind.POOL, value);
  }

  public Timeouts withCall(@Nullable Duration value) {
    return with(Kind.CALL, value);
  }

  /** Returns these timeouts with every unset value taken from {@code fallback}. */
  public Timeouts orElse(Timeouts fallback) {
    Objects.requireNonNull(fallback, "fallback == null");
    return new Timeouts(
        connect != null ? connect : fallback.connect,
        response != null ? response : fallback.response,
        read != null ? read : fallback.read,
        write != null ? write : fallback.write,
        pool != null ? pool : fallback.pool,
        call != null ? call : fallback.call);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Timeouts)) {
      return false;
    }
    Timeouts t = (Timeouts) o;
    return Objects.equals(connect, t.connect)
        && Objects.equals(response, t.response)
        && Objects.equals(read, t.read)
        && Objects.equals(write, t.write)
        && Objects.equals(pool, t.pool)
        && Objects.equals(call, t.call);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connect, response, read, write, pool, call);
  }

  @Override
  public String toString() {
    return "Timeouts{connect=" + connect + ", response=" + response + ", read=" + read + ", write="
        + write + ", pool=" + pool + ", call=" + call + "}";
  }
}
