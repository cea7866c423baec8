package dev.conduit.transport.jdk.internal;

import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The blocking view of a response body: an {@link InputStream} that subscribes to the body publisher
 * and requests one buffer only when its reader has consumed the previous one and wants more.
 *
 * <p>So demand is outstanding exactly while a reader is blocked in {@code read}, which is what the
 * publisher's read-timeout watchdog measures; a reader that pauses between reads never times out.
 * Closing before the end cancels the subscription, which aborts the exchange.
 */
public final class BlockingBodyStream extends InputStream implements Flow.Subscriber<ByteBuffer> {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<ByteBuffer> received = new ArrayDeque<>(2); // guarded by lock
  private @Nullable ByteBuffer current; // guarded by lock
  private Flow.@Nullable Subscription subscription; // guarded by lock
  private boolean requested; // guarded by lock
  private boolean done; // guarded by lock
  private @Nullable Throwable error; // guarded by lock
  private boolean closed; // guarded by lock

  /** Creates a stream; subscribe it to the body publisher before use. */
  public BlockingBodyStream() {}

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    for (;;) {
      Flow.Subscription toRequest = null;
      lock.lock();
      try {
        if (closed) {
          throw new IOException("the response body is closed");
        }
        ByteBuffer c = current;
        if (c == null || !c.hasRemaining()) {
          c = current = received.pollFirst();
        }
        if (c != null) {
          int n = Math.min(len, c.remaining());
          c.get(b, off, n);
          return n;
        }
        if (error != null) {
          throw forCaller(error);
        }
        if (done) {
          return -1;
        }
        if (!requested && subscription != null) {
          requested = true;
          toRequest = subscription;
        } else {
          try {
            ClientExecutor.await(changed);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeLocked();
            throw new InterruptedIOException("interrupted while reading the response body");
          }
        }
      } finally {
        lock.unlock();
      }
      if (toRequest != null) {
        toRequest.request(1); // may deliver synchronously; outside the lock to keep order simple
      }
    }
  }

  @Override
  public int available() {
    lock.lock();
    try {
      ByteBuffer c = current;
      int n = c == null ? 0 : c.remaining();
      for (ByteBuffer r : received) {
        n += r.remaining();
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Closes the stream; before the end of the body this aborts the exchange. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      closeLocked();
    } finally {
      lock.unlock();
    }
  }

  private void closeLocked() {
    if (closed) {
      return;
    }
    closed = true;
    current = null;
    received.clear();
    changed.signalAll();
    Flow.Subscription s = subscription;
    if (!done && error == null && s != null) {
      s.cancel();
    }
  }

  /** Publisher callback. */
  @Override
  public void onSubscribe(Flow.Subscription s) {
    lock.lock();
    try {
      subscription = s;
      if (closed) {
        s.cancel();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Publisher callback. */
  @Override
  public void onNext(ByteBuffer item) {
    lock.lock();
    try {
      requested = false;
      if (!closed) {
        received.addLast(item);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Publisher callback. */
  @Override
  public void onError(Throwable t) {
    lock.lock();
    try {
      error = t;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Publisher callback. */
  @Override
  public void onComplete() {
    lock.lock();
    try {
      done = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Gives a timeout raised on another thread the reader's stack; other failures pass as they are. */
  private static IOException forCaller(Throwable t) {
    if (t instanceof TransportTimeoutException) {
      TransportTimeoutException e = (TransportTimeoutException) t;
      TransportTimeoutException copy = new TransportTimeoutException(e.kind(), e.getMessage());
      copy.initCause(e);
      return copy;
    }
    if (t instanceof IOException) {
      return (IOException) t;
    }
    return new IOException("reading the response body failed: " + t, t);
  }
}
