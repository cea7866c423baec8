package dev.conduit.testing.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An immutable description of one injected fault; the public {@code Fault} wraps it. */
public final class FaultSpec {
  /** What the fault does. */
  public enum Kind {
    /** Answer with a status, headers and an error body instead of the real answer. */
    STATUS,
    /** Only wait before the headers. */
    DELAY,
    /** Send part of the body, then go silent. */
    STALL_MID_BODY,
    /** Send part of the body, then reset the connection. */
    RESET_MID_BODY,
    /** Reset the connection instead of answering. */
    RESET_BEFORE_HEADERS,
    /** Answer 200 with JSON that is cut short (for a stream: one event's data). */
    MALFORMED_JSON,
    /** Answer with an HTML error page, as a proxy or load balancer would. */
    HTML_ERROR,
    /** Send the real body in small chunks with pauses between them. */
    SLOW_DRIP
  }

  private final Kind kind;
  private final int status;
  private final List<String> headers;
  private final @Nullable String body;
  private final Duration delay;
  private final @Nullable Duration stall;
  private final int dripBytes;
  private final Duration dripInterval;

  private FaultSpec(Kind kind, int status, List<String> headers, @Nullable String body, Duration delay,
      @Nullable Duration stall, int dripBytes, Duration dripInterval) {
    this.kind = kind;
    this.status = status;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.delay = delay;
    this.stall = stall;
    this.dripBytes = dripBytes;
    this.dripInterval = dripInterval;
  }

  public static FaultSpec of(Kind kind) {
    return new FaultSpec(kind, 0, List.of(), null, Duration.ZERO, null, 0, Duration.ZERO);
  }

  public FaultSpec withStatus(int status) {
    return new FaultSpec(kind, status, headers, body, delay, stall, dripBytes, dripInterval);
  }

  public FaultSpec withHeaders(List<String> namesAndValues) {
    return new FaultSpec(kind, status, namesAndValues, body, delay, stall, dripBytes, dripInterval);
  }

  public FaultSpec withBody(String body) {
    return new FaultSpec(kind, status, headers, Objects.requireNonNull(body, "body == null"), delay, stall, dripBytes,
        dripInterval);
  }

  public FaultSpec withDelay(Duration delay) {
    return new FaultSpec(kind, status, headers, body, delay, stall, dripBytes, dripInterval);
  }

  public FaultSpec withStall(@Nullable Duration stall) {
    return new FaultSpec(kind, status, headers, body, delay, stall, dripBytes, dripInterval);
  }

  public FaultSpec withDrip(int bytes, Duration interval) {
    return new FaultSpec(kind, status, headers, body, delay, stall, bytes, interval);
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public List<String> headers() {
    return headers;
  }

  public @Nullable String body() {
    return body;
  }

  public Duration delay() {
    return delay;
  }

  public @Nullable Duration stall() {
    return stall;
  }

  public int dripBytes() {
    return dripBytes;
  }

  public Duration dripInterval() {
    return dripInterval;
  }

  /** Returns true if the fault replaces the answer, so the request is not processed at all. */
  public boolean preventsProcessing() {
    return kind == Kind.STATUS || kind == Kind.HTML_ERROR || kind == Kind.RESET_BEFORE_HEADERS;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Fault{").append(kind.name().toLowerCase(java.util.Locale.ROOT));
    if (status != 0) {
      sb.append(", status=").append(status);
    }
    if (!headers.isEmpty()) {
      sb.append(", headers=").append(headers);
    }
    if (!delay.isZero()) {
      sb.append(", delay=").append(delay);
    }
    if (stall != null) {
      sb.append(", stall=").append(stall);
    }
    if (kind == Kind.SLOW_DRIP) {
      sb.append(", ").append(dripBytes).append(" bytes every ").append(dripInterval);
    }
    return sb.append('}').toString();
  }
}
