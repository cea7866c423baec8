package dev.conduit.transport.jdk.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;

/**
 * The executor of a JDK client that Conduit builds itself: a small {@link ForkJoinPool} in FIFO
 * mode, as many threads as cores (at least 2, at most 16), whose idle threads end after 30 s.
 *
 * <p>The JDK's default executor is an unbounded cached thread pool: a burst of events on thousands
 * of connections makes it start hundreds of threads. Here the number of threads follows the cores,
 * not the exchanges. A pool thread that blocks through {@link
 * java.util.concurrent.CompletableFuture#get} or {@link #await} is compensated by a temporary extra
 * thread rather than starving the pool. After {@link #close()} the pool winds down, and any late
 * task from the client (clean-up of aborted exchanges) runs on the common pool instead of being
 * rejected.
 */
public final class ClientExecutor implements Executor, AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ForkJoinPool pool;
  private volatile boolean closed;

  /** Creates the executor of one client. */
  public ClientExecutor() {
    int id = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ForkJoinPool.ForkJoinWorkerThreadFactory factory =
        p -> {
          ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
          t.setName("conduit-jdk-" + id + "-worker-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    int parallelism = Math.max(2, Math.min(16, Runtime.getRuntime().availableProcessors()));
    this.pool =
        new ForkJoinPool(
            parallelism, factory, null, true, 0, parallelism + 64, 1, p -> true, 30, TimeUnit.SECONDS);
  }

  /**
   * Waits on {@code condition} once (its lock held) as a {@link ForkJoinPool.ManagedBlocker}, so a
   * pool thread that blocks is compensated; elsewhere it is a plain {@code await}. Callers re-check
   * their state in a loop.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public static void await(Condition condition) throws InterruptedException {
    ForkJoinPool.managedBlock(
        new ForkJoinPool.ManagedBlocker() {
          @Override
          public boolean block() throws InterruptedException {
            condition.await();
            return true;
          }

          @Override
          public boolean isReleasable() {
            return false;
          }
        });
  }

  @Override
  public void execute(Runnable command) {
    if (!closed) {
      try {
        pool.execute(command);
        return;
      } catch (RejectedExecutionException e) {
        // closed concurrently: fall through
      }
    }
    ForkJoinPool.commonPool().execute(command);
  }

  /** Lets queued tasks finish and stops the pool's threads. */
  @Override
  public void close() {
    closed = true;
    pool.shutdown();
  }

  @Override
  public String toString() {
    return "ClientExecutor{" + pool + "}";
  }
}
