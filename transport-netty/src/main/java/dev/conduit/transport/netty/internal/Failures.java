package dev.conduit.transport.netty.internal;

import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Builds and translates the exceptions the transport reports. */
public final class Failures {
  private Failures() {}

  /** Returns a timeout of {@code kind} whose message names the kind, the duration and {@code what}. */
  static TransportTimeoutException timeout(Timeouts.Kind kind, Duration after, String what) {
    return new TransportTimeoutException(kind, kind.label() + " timed out after " + after.toMillis() + " ms " + what);
  }

  /**
   * Returns {@code t} as the {@link IOException} the SPI reports: itself if it is one, the cause of
   * Netty's codec wrappers, or a new one wrapping it.
   */
  static IOException toIOException(Throwable t) {
    Throwable c = unwrap(t);
    while ((c instanceof DecoderException || c instanceof EncoderException) && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof io.netty.channel.ConnectTimeoutException) {
      TransportTimeoutException e = new TransportTimeoutException(Timeouts.Kind.CONNECT, "connect timed out: " + c.getMessage());
      e.initCause(c);
      return e;
    }
    if (c instanceof IOException) {
      return (IOException) c;
    }
    return new IOException(String.valueOf(c.getMessage()), c);
  }

  /** Strips {@link CompletionException} and {@link ExecutionException} wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /**
   * Rethrows a failure recorded on another thread on the caller's: a timeout is copied (same kind
   * and message, the original as cause) so the caller's stack shows; other {@link IOException}s
   * keep their identity; unchecked throwables are rethrown as they are.
   */
  public static IOException forCaller(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof TransportTimeoutException) {
      TransportTimeoutException e = (TransportTimeoutException) c;
      TransportTimeoutException copy = new TransportTimeoutException(e.kind(), e.getMessage());
      copy.initCause(e);
      return copy;
    }
    if (c instanceof IOException) {
      return (IOException) c;
    }
    if (c instanceof RuntimeException) {
      throw (RuntimeException) c;
    }
    if (c instanceof Error) {
      throw (Error) c;
    }
    return new IOException(c);
  }
}
