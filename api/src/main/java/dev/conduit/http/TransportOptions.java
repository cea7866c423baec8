package dev.conduit.http;

import java.util.Objects;

/** Client-wide settings handed to {@link TransportProvider#create}. Immutable. */
public final class TransportOptions {
  private final Timeouts timeouts;
  private final int maxConnections;

  private TransportOptions(Timeouts timeouts, int maxConnections) {
    this.timeouts = timeouts;
    this.maxConnections = maxConnections;
  }

  /** Returns options with {@link Timeouts#defaults()} and at most 64 exchanges at once. */
  public static TransportOptions defaults() {
    return new TransportOptions(Timeouts.defaults(), 64);
  }

  /** Returns the client's default timeouts, fully resolved (every kind but {@code call} is set). */
  public Timeouts timeouts() {
    return timeouts;
  }

  /**
   * Returns the most exchanges a transport runs at once, which bounds the connections it opens (the
   * jdk and okhttp transports count across all hosts, netty per host); a request waiting longer than
   * the {@code pool} timeout for a free slot fails with {@link TransportTimeoutException}.
   */
  public int maxConnections() {
    return maxConnections;
  }

  public TransportOptions withTimeouts(Timeouts timeouts) {
    return new TransportOptions(Objects.requireNonNull(timeouts, "timeouts == null").orElse(Timeouts.defaults()), maxConnections);
  }

  public TransportOptions withMaxConnections(int maxConnections) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections < 1: " + maxConnections);
    }
    return new TransportOptions(timeouts, maxConnections);
  }

  @Override
  public String toString() {
    return "TransportOptions{timeouts=" + timeouts + ", maxConnections=" + maxConnections + "}";
  }
}
