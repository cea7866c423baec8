package dev.conduit.testing.internal;

import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The blocking body of an in-memory response: plays {@link BodyStep}s as the caller reads, so pauses,
 * stalls and resets happen mid-read, and a gap longer than the {@code read} timeout fails with
 * {@link TransportTimeoutException}.
 */
final class StepInputStream extends InputStream {
  private final Iterator<BodyStep> steps;
  private final @Nullable Duration readTimeout;
  private final FakeCore core;
  private byte @Nullable [] current;
  private int pos;
  private volatile boolean closed;

  StepInputStream(List<BodyStep> steps, @Nullable Duration readTimeout, FakeCore core) {
    this.steps = steps.iterator();
    this.readTimeout = readTimeout;
    this.core = core;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("closed");
    }
    if (len == 0) {
      return 0;
    }
    while (current == null || pos == current.length) {
      if (!steps.hasNext()) {
        return -1;
      }
      BodyStep step = steps.next();
      if (step instanceof BodyStep.Bytes) {
        current = ((BodyStep.Bytes) step).bytes();
        pos = 0;
      } else if (step instanceof BodyStep.Pause) {
        idle(((BodyStep.Pause) step).duration());
      } else if (step instanceof BodyStep.Stall) {
        idle(((BodyStep.Stall) step).duration());
        if (((BodyStep.Stall) step).duration() == null) {
          throw new IOException("the fake OpenAI server closed while stalling");
        }
      } else {
        closed = true;
        throw new SocketException("Connection reset");
      }
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  private void idle(@Nullable Duration d) throws IOException {
    boolean timesOut = readTimeout != null && (d == null || d.compareTo(readTimeout) > 0);
    boolean whole = Waits.sleep(timesOut ? readTimeout : d, () -> closed || core.isClosed());
    if (!whole) {
      throw new IOException(closed ? "closed" : "the fake OpenAI server was closed");
    }
    if (timesOut) {
      throw new TransportTimeoutException(Timeouts.Kind.READ, "read timed out after " + readTimeout.toMillis()
          + " ms without a byte from the fake OpenAI server");
    }
  }

  @Override
  public synchronized int available() {
    return current == null ? 0 : current.length - pos;
  }

  @Override
  public void close() {
    closed = true;
  }
}
