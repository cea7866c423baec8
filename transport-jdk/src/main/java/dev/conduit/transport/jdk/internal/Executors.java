package dev.conduit.transport.jdk.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a JDK client built by Conduit runs its callbacks on, and blocking helpers that
 * cooperate with it.
 *
 * <p>The JDK's default executor is an unbounded cached thread pool: a burst of events on thousands
 * of connections makes it start hundreds of threads. Conduit's instead is a small {@link
 * ForkJoinPool} in FIFO mode, so the number of threads follows the number of cores, not the number
 * of exchanges. Blocking through {@link java.util.concurrent.CompletableFuture#get} or {@link #await} on one of its
 * threads is compensated by a temporary extra thread rather than starving the pool.
 */
public final class Executors {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private Executors() {}

  /** Returns the parallelism of a new pool: the cores, at least 2 and at most 16. */
  static int parallelism() {
    return Math.max(2, Math.min(16, Runtime.getRuntime().availableProcessors()));
  }

  /** Returns a new, closable executor for one JDK client. */
  public static ClientExecutor newClientExecutor() {
    return new ClientExecutor();
  }

  /**
   * Waits on {@code condition} once (its lock held), as a {@link ForkJoinPool.ManagedBlocker} so a
   * pool thread that blocks is compensated. Callers re-check their state in a loop.
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

  /**
   * A JDK client's executor. After {@link #close()} the pool winds down and any late task from the
   * client (clean-up of aborted exchanges) runs on the common pool instead of being rejected.
   */
  public static final class ClientExecutor implements Executor, AutoCloseable {
    private final ForkJoinPool pool;
    private volatile boolean closed;

    private ClientExecutor() {
      int id = POOLS.incrementAndGet();
      AtomicInteger threads = new AtomicInteger();
      ForkJoinPool.ForkJoinWorkerThreadFactory factory =
          p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("conduit-jdk-" + id + "-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
      int parallelism = parallelism();
      this.pool =
          new ForkJoinPool(
              parallelism, factory, null, true, 0, parallelism + 64, 1, p -> true, 30, TimeUnit.SECONDS);
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
}
