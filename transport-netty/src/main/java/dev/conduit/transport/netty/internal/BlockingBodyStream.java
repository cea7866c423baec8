package dev.conduit.transport.netty.internal;

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
 * The blocking view of a response body: an {@link InputStream} subscribed to the body publisher,
 * which requests one buffer only when its reader has consumed everything and is waiting for more.
 *
 * <p>So demand is outstanding exactly while a reader is blocked in {@code read}, which is what the
 * exchange's read-timeout watchdog measures: a reader that pauses between reads never times out,
 * one that waits longer than the {@code read} timeout gets a {@code TransportTimeoutException}.
 * The reader blocks on its own thread, never the event loop. Closing before the end cancels the
 * subscription, which closes the connection.
 */
final class BlockingBodyStream extends InputStream implements Flow.Subscriber<ByteBuffer> {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<ByteBuffer> received = new ArrayDeque<>(2); // guarded by lock
  private @Nullable ByteBuffer current; // guarded by lock
  private Flow.@Nullable Subscription subscription; // guarded by lock
  private boolean requested; // guarded by lock
  private boolean done; // guarded by lock
  private @Nullable Throwable error; // guarded by lock
  private boolean closed; // guarded by lock

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
          throw Failures.forCaller(error);
        }
        if (done) {
          return -1;
        }
        if (!requested && subscription != null) {
          requested = true;
          toRequest = subscription;
        } else {
          try {
            changed.await();
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
        toRequest.request(1);
      }
    }
  }

  @Override
  public int available() {
    lock.lock();
    try {
      int n = current == null ? 0 : current.remaining();
      for (ByteBuffer b : received) {
        n += b.remaining();
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Cancels the body if it has not ended; idempotent. */
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
    received.clear();
    current = null;
    changed.signalAll();
    if (!done && error == null && subscription != null) {
      subscription.cancel(); // non-blocking: hands the abort to the event loop
    }
  }

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

  @Override
  public void onNext(ByteBuffer item) {
    lock.lock();
    try {
      requested = false;
      if (!closed) {
        received.add(item);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

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
}
