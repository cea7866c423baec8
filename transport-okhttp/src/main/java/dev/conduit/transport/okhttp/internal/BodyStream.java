package dev.conduit.transport.okhttp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The blocking view of a response body: reads OkHttp's body source on the caller's thread, maps a
 * socket timeout to a {@code read} {@link dev.conduit.http.TransportTimeoutException}, and ends
 * the exchange at the end of the body, on a failure, or on {@link #close()}.
 *
 * <p>Closing before the end cancels the OkHttp call first, which closes the connection at once
 * (OkHttp would otherwise spend up to 100 ms trying to drain it for reuse). A close from another
 * thread while a read is blocked cancels the call; the reading thread then releases the response,
 * so OkHttp's source is only ever touched by one thread at a time.
 */
final class BodyStream extends InputStream {
  private final Response response;
  private final BufferedSource source;
  private final Exchange exchange;
  private boolean reading; // guarded by this
  private boolean closed; // guarded by this
  private boolean ended; // guarded by this: end of body or failure
  private boolean released; // guarded by this
  private @Nullable IOException error; // guarded by this

  BodyStream(Response response, Exchange exchange) {
    this.response = response;
    this.source = response.body().source();
    this.exchange = exchange;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    synchronized (this) {
      if (closed) {
        throw new IOException("the response body is closed");
      }
      if (error != null) {
        throw Failures.forCaller(error);
      }
      if (ended) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      reading = true;
    }
    int n;
    try {
      n = source.read(b, off, len);
    } catch (IOException | RuntimeException e) {
      IOException mapped = exchange.bodyFailure(e instanceof IOException ? (IOException) e : new IOException(e));
      synchronized (this) {
        error = mapped;
      }
      if (endRead(true)) {
        throw new IOException("the response body is closed", e);
      }
      throw Failures.forCaller(mapped);
    }
    if (endRead(n == -1)) {
      throw new IOException("the response body is closed");
    }
    return n;
  }

  /** Leaves a read; releases the response if it ended or was closed meanwhile. */
  private boolean endRead(boolean end) {
    boolean release;
    boolean closedMeanwhile;
    synchronized (this) {
      reading = false;
      closedMeanwhile = closed;
      if (end) {
        ended = true;
      }
      release = (ended || closed) && !released;
      if (release) {
        released = true;
      }
    }
    if (release) {
      release();
    }
    return closedMeanwhile;
  }

  @Override
  public int available() throws IOException {
    synchronized (this) {
      if (closed || ended || reading) {
        return 0;
      }
      return (int) Math.min(source.getBuffer().size(), Integer.MAX_VALUE);
    }
  }

  /** Closes the body; before its end this closes the connection. Idempotent. */
  @Override
  public void close() {
    boolean release;
    boolean abort;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      abort = !ended;
      release = !reading && !released;
      if (release) {
        released = true;
      }
    }
    if (abort) {
      exchange.abort();
    }
    if (release) {
      release();
    }
  }

  private void release() {
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // The connection is cancelled or done; nothing more to release.
    } finally {
      exchange.finish();
    }
  }
}
