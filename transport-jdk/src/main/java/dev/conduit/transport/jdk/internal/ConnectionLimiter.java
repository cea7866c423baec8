package dev.conduit.transport.jdk.internal;

import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Emulates the {@code pool} timeout: at most {@code max} exchanges run at once, the rest wait in FIFO
 * order for a {@link Permit}, and a waiter that waits longer than its pool timeout fails with {@link
 * TransportTimeoutException} of kind {@link Timeouts.Kind#POOL}.
 *
 * <p>Waiting is a future, so the asynchronous path never blocks a thread; timeouts run on the shared
 * {@link Timers} thread. Futures are always completed outside the lock.
 */
public final class ConnectionLimiter {
  private final int max;
  private final Executor callbacks;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private int inUse; // guarded by this

  /**
   * Creates a limiter of {@code max} concurrent permits whose pool timeouts complete waiters'
   * futures on {@code callbacks}, not on the shared timer thread.
   */
  public ConnectionLimiter(int max, Executor callbacks) {
    if (max < 1) {
      throw new IllegalArgumentException("max < 1: " + max);
    }
    this.max = max;
    this.callbacks = callbacks;
  }

  /**
   * Returns a future of a permit: already complete if one is free, else completed when one is
   * released, or exceptionally with a POOL timeout. Cancelling the future leaves the queue.
   */
  public CompletableFuture<Permit> acquire(@Nullable Duration timeout) {
    Waiter w;
    synchronized (this) {
      if (inUse < max && waiters.isEmpty()) {
        inUse++;
        return CompletableFuture.completedFuture(new Permit());
      }
      w = new Waiter();
      waiters.addLast(w);
    }
    if (timeout != null) {
      w.timer =
          Timers.schedule(
              () -> {
                if (remove(w)) {
                  TransportTimeoutException e =
                      new TransportTimeoutException(
                          Timeouts.Kind.POOL,
                          "pool timed out after " + Timers.format(timeout)
                              + " waiting for one of " + max + " connections");
                  try {
                    callbacks.execute(() -> w.future.completeExceptionally(e));
                  } catch (RuntimeException rejected) {
                    w.future.completeExceptionally(e);
                  }
                }
              },
              timeout.toNanos());
    }
    w.future.whenComplete(
        (p, e) -> {
          if (w.future.isCancelled()) {
            remove(w);
          }
          ScheduledFuture<?> t = w.timer;
          if (t != null) {
            t.cancel(false);
          }
        });
    return w.future;
  }

  /**
   * Blocks until a permit is free.
   *
   * @throws TransportTimeoutException if the pool timeout fired
   * @throws InterruptedIOException if the thread was interrupted; no permit is held then
   */
  public Permit acquireBlocking(@Nullable Duration timeout) throws IOException {
    CompletableFuture<Permit> f = acquire(timeout);
    try {
      return f.get();
    } catch (InterruptedException e) {
      if (!f.cancel(false)) {
        Permit p = f.getNow(null);
        if (p != null) {
          p.release();
        }
      }
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a connection");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TransportTimeoutException) {
        TransportTimeoutException t = (TransportTimeoutException) cause;
        TransportTimeoutException copy = new TransportTimeoutException(t.kind(), t.getMessage());
        copy.initCause(t);
        throw copy;
      }
      throw new IOException("waiting for a connection failed", cause);
    }
  }

  /** Returns the number of permits currently held; for tests and diagnostics. */
  public synchronized int inUse() {
    return inUse;
  }

  private synchronized boolean remove(Waiter w) {
    return waiters.remove(w);
  }

  private void release() {
    for (;;) {
      Waiter next;
      synchronized (this) {
        next = waiters.pollFirst();
        if (next == null) {
          inUse--;
          return;
        }
      }
      // The permit passes straight to the next waiter; inUse is unchanged.
      if (next.future.complete(new Permit())) {
        return;
      }
      // That waiter was cancelled or timed out concurrently: offer the permit to the next one.
    }
  }

  private static final class Waiter {
    final CompletableFuture<Permit> future = new CompletableFuture<>();
    volatile @Nullable ScheduledFuture<?> timer;
  }

  /** The right to run one exchange; release it exactly once (further calls do nothing). */
  public final class Permit {
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit() {}

    /** Returns the permit to the limiter, handing it to the longest waiter if any. */
    public void release() {
      if (released.compareAndSet(false, true)) {
        ConnectionLimiter.this.release();
      }
    }
  }
}
