package dev.conduit.transport.netty.internal;

import dev.conduit.http.Timeouts;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Keep-alive connections, pooled per scheme, host and port, at most {@code maxPerHost} open to
 * each. A request takes an idle connection if one is alive, else opens one if the host is below its
 * limit, else waits in a FIFO queue for one to be released, for at most its {@code pool} timeout.
 * Waiting holds no thread: the timeout is a task on an event loop.
 *
 * <p>Idle connections keep a read pending, so a server closing one is noticed at once, and are
 * closed after {@value #KEEP_ALIVE_SECONDS} s unused.
 */
public final class ConnectionPool {
  static final long KEEP_ALIVE_SECONDS = 300;

  private final Connector connector;
  private final EventLoopGroup group;
  private final int maxPerHost;
  private final ConcurrentHashMap<PoolKey, HostPool> hosts = new ConcurrentHashMap<>();
  private volatile boolean closed;

  ConnectionPool(Connector connector, EventLoopGroup group, int maxPerHost) {
    this.connector = connector;
    this.group = group;
    this.maxPerHost = maxPerHost;
  }

  /** A connection handed to one exchange. */
  static final class Lease {
    final ConnectionHandler connection;
    /** True if the connection served an earlier exchange (so it may have gone stale meanwhile). */
    final boolean reused;

    Lease(ConnectionHandler connection, boolean reused) {
      this.connection = connection;
      this.reused = reused;
    }
  }

  /** Returns a future connection to {@code key}; cancelling it leaves the queue. */
  CompletableFuture<Lease> acquire(PoolKey key, Timeouts timeouts) {
    if (closed) {
      return CompletableFuture.failedFuture(new IOException("the transport was closed"));
    }
    return hosts.computeIfAbsent(key, HostPool::new).acquire(timeouts);
  }

  /** Returns the number of open (or opening) connections, over all hosts. */
  public int openConnections() {
    int n = 0;
    for (HostPool p : hosts.values()) {
      synchronized (p) {
        n += p.open;
      }
    }
    return n;
  }

  /** Returns the number of idle connections, over all hosts. */
  public int idleConnections() {
    int n = 0;
    for (HostPool p : hosts.values()) {
      synchronized (p) {
        n += p.idle.size();
      }
    }
    return n;
  }

  /** Fails every waiting request and closes every idle connection; later releases close theirs. */
  void close() {
    closed = true;
    for (HostPool p : hosts.values()) {
      p.close();
    }
  }

  /** The connections to one host. */
  final class HostPool {
    private final PoolKey key;
    private final ArrayDeque<ConnectionHandler> idle = new ArrayDeque<>(); // guarded by this
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>(); // guarded by this
    private int open; // guarded by this; connecting, leased and idle

    HostPool(PoolKey key) {
      this.key = key;
    }

    CompletableFuture<Lease> acquire(Timeouts timeouts) {
      CompletableFuture<Lease> future = new CompletableFuture<>();
      Waiter waiter = null;
      synchronized (this) {
        if (closed) {
          future.completeExceptionally(new IOException("the transport was closed"));
          return future;
        }
        ConnectionHandler c;
        while ((c = idle.pollFirst()) != null) {
          if (c.channel().isActive()) {
            c.idle = false;
            future.complete(new Lease(c, true));
            return future;
          }
        }
        if (open < maxPerHost) {
          open++;
        } else {
          waiter = new Waiter(future, timeouts);
          waiters.addLast(waiter);
        }
      }
      if (waiter == null) {
        connect(future, timeouts);
      } else {
        waiter.armTimer();
        Waiter w = waiter;
        future.whenComplete(
            (l, e) -> {
              if (future.isCancelled()) {
                w.cancelTimer();
                synchronized (this) {
                  waiters.remove(w);
                }
              }
            });
      }
      return future;
    }

    private void connect(CompletableFuture<Lease> future, Timeouts timeouts) {
      connector
          .connect(key, timeouts, this)
          .whenComplete(
              (c, e) -> {
                if (e != null) {
                  synchronized (this) {
                    open--;
                  }
                  future.completeExceptionally(Failures.unwrap(e));
                  dispatch();
                  return;
                }
                c.channel().closeFuture().addListener(f -> closed(c));
                hand(c, future, false);
              });
    }

    private void hand(ConnectionHandler c, CompletableFuture<Lease> future, boolean reused) {
      if (!future.complete(new Lease(c, reused))) {
        // The request was cancelled or timed out meanwhile: the connection is still good.
        c.channel().eventLoop().execute(() -> release(c));
      }
    }

    /** Takes back a connection whose exchange completed cleanly; runs on its event loop. */
    void release(ConnectionHandler c) {
      Waiter next = null;
      long generation;
      synchronized (this) {
        if (closed || !c.channel().isActive()) {
          c.channel().close();
          return;
        }
        while ((next = waiters.pollFirst()) != null && next.future.isDone()) {
          // skip requests that gave up
        }
        if (next == null) {
          c.idle = true;
          generation = ++c.idleGeneration;
          idle.addFirst(c);
        } else {
          generation = -1;
        }
      }
      if (next != null) {
        next.cancelTimer();
        hand(c, next.future, true);
        return;
      }
      c.channel().read(); // notice a close (or stray bytes) while idle
      c.channel().eventLoop().schedule(() -> evictIfStillIdle(c, generation), KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    private void evictIfStillIdle(ConnectionHandler c, long generation) {
      synchronized (this) {
        if (!c.idle || c.idleGeneration != generation || !idle.remove(c)) {
          return;
        }
        c.idle = false;
      }
      c.channel().close();
    }

    private void closed(ConnectionHandler c) {
      synchronized (this) {
        open--;
        c.idle = false;
        idle.remove(c);
      }
      dispatch();
    }

    /** Opens connections for waiters while the host is below its limit. */
    private void dispatch() {
      for (;;) {
        Waiter w;
        synchronized (this) {
          if (closed || open >= maxPerHost) {
            return;
          }
          while ((w = waiters.pollFirst()) != null && w.future.isDone()) {
            // skip requests that gave up
          }
          if (w == null) {
            return;
          }
          open++;
        }
        w.cancelTimer();
        connect(w.future, w.timeouts);
      }
    }

    private void timedOut(Waiter w, Duration timeout) {
      int limit;
      synchronized (this) {
        if (!waiters.remove(w)) {
          return;
        }
        limit = maxPerHost;
      }
      w.future.completeExceptionally(
          Failures.timeout(
              Timeouts.Kind.POOL,
              timeout,
              "waiting for a connection to " + key + " (all " + limit + " allowed connections are in use)"));
    }

    void close() {
      List<ConnectionHandler> toClose;
      List<Waiter> toFail;
      synchronized (this) {
        toClose = new ArrayList<>(idle);
        idle.clear();
        toFail = new ArrayList<>(waiters);
        waiters.clear();
      }
      for (ConnectionHandler c : toClose) {
        c.channel().close();
      }
      for (Waiter w : toFail) {
        w.cancelTimer();
        w.future.completeExceptionally(new IOException("the transport was closed"));
      }
    }

    /** A request waiting for a connection. */
    private final class Waiter {
      final CompletableFuture<Lease> future;
      final Timeouts timeouts;
      private @Nullable ScheduledFuture<?> timer;

      Waiter(CompletableFuture<Lease> future, Timeouts timeouts) {
        this.future = future;
        this.timeouts = timeouts;
      }

      void armTimer() {
        Duration pool = timeouts.pool();
        if (pool == null) {
          return;
        }
        try {
          ScheduledFuture<?> t = group.next().schedule(() -> timedOut(this, pool), pool.toNanos(), TimeUnit.NANOSECONDS);
          synchronized (this) {
            timer = t;
          }
        } catch (RejectedExecutionException e) {
          future.completeExceptionally(new IOException("the transport was closed", e));
        }
      }

      void cancelTimer() {
        ScheduledFuture<?> t;
        synchronized (this) {
          t = timer;
          timer = null;
        }
        if (t != null) {
          t.cancel(false);
        }
      }
    }
  }
}
