package dev.conduit.testing;

import dev.conduit.testing.internal.FaultSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A failure the fake injects into an answer, to test how a client copes with what real networks and
 * servers do. Register one with {@link FakeOpenAI#injectFault(Fault)} (next request) or
 * {@link FakeOpenAI#injectFault(String, Fault)} (one route). Every fault behaves the same in memory
 * and on the loopback server.
 *
 * <p>"Mid-body" means after half of the body: half of the bytes of a plain body, half of the events
 * of a stream. Faults that replace the answer ({@link #status}, {@link #htmlError},
 * {@link #resetBeforeHeaders}) stop the request from being processed: nothing is stored and no
 * scripted reply is used up, like a request rejected by a rate limiter or a proxy. The others let the
 * request be processed and only disturb the delivery.
 *
 * <pre>{@code
 * fake.injectFault(Fault.status(429, "retry-after-ms", "10"));
 * fake.injectFault("POST /v1/responses", Fault.resetMidBody(), 2);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Fault {
  private final FaultSpec spec;

  private Fault(FaultSpec spec) {
    this.spec = spec;
  }

  /**
   * Answers with {@code status}, the given extra headers and the real API's error body for that status
   * (for example {@code rate_limit_exceeded} for 429).
   *
   * @param headerNamesAndValues alternating names and values, e.g. {@code "retry-after-ms", "100"}
   * @throws IllegalArgumentException if {@code status} is not within 100..599 or a name lacks a value
   */
  public static Fault status(int status, String... headerNamesAndValues) {
    checkStatus(status);
    if (headerNamesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected alternating header names and values: " + headerNamesAndValues.length);
    }
    return new Fault(FaultSpec.of(FaultSpec.Kind.STATUS).withStatus(status)
        .withHeaders(Arrays.asList(headerNamesAndValues.clone())));
  }

  /** Waits {@code delay} before sending the headers, then answers normally. */
  public static Fault delay(Duration delay) {
    return new Fault(FaultSpec.of(FaultSpec.Kind.DELAY).withDelay(checkDuration(delay, "delay")));
  }

  /**
   * Sends the headers and half of the body, then goes silent until the client gives up (a read
   * timeout) or the fake is closed.
   */
  public static Fault stallMidBody() {
    return new Fault(FaultSpec.of(FaultSpec.Kind.STALL_MID_BODY));
  }

  /** Sends the headers and half of the body, goes silent for {@code stall}, then sends the rest. */
  public static Fault stallMidBody(Duration stall) {
    return new Fault(FaultSpec.of(FaultSpec.Kind.STALL_MID_BODY).withStall(checkDuration(stall, "stall")));
  }

  /**
   * Sends the headers and half of the body (of a stream: half of its events), waits 50 ms so that half
   * reaches the client, then resets the connection.
   */
  public static Fault resetMidBody() {
    return new Fault(FaultSpec.of(FaultSpec.Kind.RESET_MID_BODY));
  }

  /** Resets the connection instead of answering; the client sees a connection failure. */
  public static Fault resetBeforeHeaders() {
    return new Fault(FaultSpec.of(FaultSpec.Kind.RESET_BEFORE_HEADERS));
  }

  /**
   * Answers with the real status and headers but JSON cut in half; in a stream, the middle event's data
   * is cut in half and the stream goes on.
   */
  public static Fault malformedJson() {
    return new Fault(FaultSpec.of(FaultSpec.Kind.MALFORMED_JSON));
  }

  /** Answers with {@code status} and an HTML error page, as a proxy or load balancer does (no API headers). */
  public static Fault htmlError(int status) {
    checkStatus(status);
    return new Fault(FaultSpec.of(FaultSpec.Kind.HTML_ERROR).withStatus(status));
  }

  /** Sends the real body in chunks of {@code chunkBytes}, pausing {@code interval} between them. */
  public static Fault slowDrip(int chunkBytes, Duration interval) {
    if (chunkBytes < 1) {
      throw new IllegalArgumentException("chunkBytes < 1: " + chunkBytes);
    }
    return new Fault(FaultSpec.of(FaultSpec.Kind.SLOW_DRIP).withDrip(chunkBytes, checkDuration(interval, "interval")));
  }

  /** Returns a copy that also waits {@code delay} before sending the headers (or the reset). */
  public Fault withDelay(Duration delay) {
    return new Fault(spec.withDelay(checkDuration(delay, "delay")));
  }

  /**
   * Returns a copy of a {@link #status} fault with {@code body} instead of the default error body
   * (sent as {@code application/json} if it starts with '{', else as plain text).
   *
   * @throws IllegalStateException if this is not a status fault
   */
  public Fault withBody(String body) {
    if (spec.kind() != FaultSpec.Kind.STATUS) {
      throw new IllegalStateException("only a status fault has a body: " + this);
    }
    return new Fault(spec.withBody(body));
  }

  FaultSpec spec() {
    return spec;
  }

  @Override
  public String toString() {
    return spec.toString();
  }

  private static void checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status not within 100..599: " + status);
    }
  }

  private static Duration checkDuration(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " < 0: " + d);
    }
    return d;
  }
}
