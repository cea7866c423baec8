package dev.conduit.transport.okhttp.internal;

import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Builds and rethrows the transport's failures. */
public final class Failures {
  private Failures() {}

  /**
   * Returns a {@link TransportTimeoutException} of {@code kind} whose message names the kind and
   * the duration, e.g. {@code "read timed out after 250 ms waiting for response body bytes"}.
   */
  public static TransportTimeoutException timeout(
      Timeouts.Kind kind, @Nullable Duration after, @Nullable Throwable cause) {
    String what;
    switch (kind) {
      case CONNECT:
        what = " establishing the connection";
        break;
      case RESPONSE:
        what = " waiting for response headers";
        break;
      case READ:
        what = " waiting for response body bytes";
        break;
      case WRITE:
        what = " sending the request";
        break;
      case POOL:
        what = " waiting for a connection";
        break;
      default:
        what = "";
    }
    String message =
        kind.label() + " timed out" + (after == null ? "" : " after " + Timers.format(after)) + what;
    TransportTimeoutException e = new TransportTimeoutException(kind, message);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /** Returns true if {@code e} is OkHttp's (or the JDK's) socket timeout. */
  public static boolean isSocketTimeout(@Nullable Throwable e) {
    return e instanceof SocketTimeoutException;
  }

  /** Gives a timeout raised on another thread the caller's stack, keeping kind, message and cause. */
  public static TransportTimeoutException forCaller(TransportTimeoutException e) {
    TransportTimeoutException copy = new TransportTimeoutException(e.kind(), e.getMessage());
    copy.initCause(e);
    return copy;
  }

  /** Rethrows a failure recorded on another thread on the caller's, keeping its type. */
  public static IOException forCaller(IOException e) {
    return e instanceof TransportTimeoutException ? forCaller((TransportTimeoutException) e) : e;
  }

  /** Strips {@link CompletionException} and {@link ExecutionException} wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
