package dev.conduit.transport.jdk.internal;

import dev.conduit.http.RequestBody;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Adapts a Conduit {@link RequestBody} (which pushes bytes into an {@link OutputStream}) to the JDK's
 * pull-based {@link HttpRequest.BodyPublisher}.
 *
 * <p>Two modes. <em>Buffered</em>: a small body of known length was already written to memory by
 * {@link #buffer}; it is published from there and can be sent again (redirects, authentication).
 * <em>Streaming</em>: a writer thread runs {@link #writeBody()}; its bytes go through a bounded queue
 * (the writer blocks while the queue is full), so memory stays bounded whatever the body size, and
 * the body is sent once.
 *
 * <p>The {@code write} timeout is emulated: it fires when bytes are waiting to be sent but the JDK
 * has asked for none for longer than the timeout (the peer stopped reading and the socket is full).
 */
public final class RequestBodyPublisher implements HttpRequest.BodyPublisher {
  /** Bodies of known length up to this size are written to memory before sending. */
  public static final long BUFFER_LIMIT = 64 * 1024;

  private static final long QUEUE_CAPACITY = 64 * 1024;

  private final RequestBody body;
  private final long contentLength;
  private final @Nullable List<ByteBuffer> buffered;
  private final @Nullable Duration writeTimeout;
  private volatile @Nullable Exchange exchange; // set by bind, before the JDK can subscribe

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition space = lock.newCondition();
  private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(); // streaming mode, guarded by lock
  private long queuedBytes; // guarded by lock
  private boolean writerDone; // guarded by lock
  private @Nullable IOException abort; // guarded by lock
  private int subscriptions; // guarded by lock
  private @Nullable Sub active; // guarded by lock

  /**
   * Creates the publisher for {@code body}. {@code buffered} holds the whole body when it was
   * written by {@link #buffer}, else null for streaming through {@link #writeBody()}. Bind it to its
   * exchange ({@link Exchange#requestBody}) before sending.
   */
  public RequestBodyPublisher(
      RequestBody body, @Nullable List<ByteBuffer> buffered, @Nullable Duration writeTimeout) {
    this.body = body;
    this.contentLength = body.contentLength();
    this.buffered = buffered;
    this.writeTimeout = writeTimeout;
  }

  void bind(Exchange exchange) {
    this.exchange = exchange;
  }

  private Exchange exchange() {
    Exchange e = exchange;
    if (e == null) {
      throw new IllegalStateException("request body publisher not bound to an exchange");
    }
    return e;
  }

  /** Returns true if {@code body} is small and of known length, so {@link #buffer} applies. */
  public static boolean isBufferable(RequestBody body) {
    long n = body.contentLength();
    return n >= 0 && n <= BUFFER_LIMIT;
  }

  /**
   * Writes {@code body} to memory on the calling thread.
   *
   * @throws IOException if writing fails or the body's length differs from its content length
   */
  public static List<ByteBuffer> buffer(RequestBody body) throws IOException {
    List<ByteBuffer> chunks = new ArrayList<>();
    ChunkingOutputStream out =
        new ChunkingOutputStream(body.contentLength()) {
          @Override
          void emit(ByteBuffer chunk) {
            chunks.add(chunk);
          }
        };
    try {
      body.writeTo(out);
    } catch (RuntimeException e) {
      throw new IOException("request body writeTo failed: " + e, e);
    }
    out.finish();
    return chunks;
  }

  @Override
  public long contentLength() {
    return contentLength;
  }

  /**
   * Runs the body's {@code writeTo} on the calling thread (streaming mode), blocking while the queue
   * is full. A failure of the body itself fails the exchange; a failure caused by the exchange
   * ending (timeout, abort, early response) is left for the exchange to report.
   */
  public void writeBody() {
    ChunkingOutputStream out =
        new ChunkingOutputStream(contentLength) {
          @Override
          void emit(ByteBuffer chunk) throws IOException {
            enqueue(chunk);
          }
        };
    try {
      body.writeTo(out);
      out.finish();
      markWriterDone();
    } catch (IOException | RuntimeException e) {
      if (isAborted()) {
        return;
      }
      IOException io =
          e instanceof IOException
              ? (IOException) e
              : new IOException("request body writeTo failed: " + e, e);
      exchange().fail(io);
    }
  }

  /** Stops the writer and fails the JDK's subscription with {@code cause}. Idempotent. */
  public void abort(IOException cause) {
    Sub s;
    lock.lock();
    try {
      if (abort != null) {
        return;
      }
      abort = cause;
      queue.clear();
      queuedBytes = 0;
      space.signalAll();
      s = active;
    } finally {
      lock.unlock();
    }
    if (s != null) {
      s.drain();
    }
  }

  private boolean isAborted() {
    lock.lock();
    try {
      return abort != null;
    } finally {
      lock.unlock();
    }
  }

  private void enqueue(ByteBuffer chunk) throws IOException {
    Sub s;
    lock.lock();
    try {
      for (;;) {
        IOException a = abort;
        if (a != null) {
          throw new IOException("request body aborted: " + a.getMessage(), a);
        }
        if (queuedBytes == 0 || queuedBytes + chunk.remaining() <= QUEUE_CAPACITY) {
          break;
        }
        try {
          ClientExecutor.await(space);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          InterruptedIOException ie =
              new InterruptedIOException("interrupted while writing the request body");
          exchange().fail(ie);
          throw ie;
        }
      }
      queue.addLast(chunk);
      queuedBytes += chunk.remaining();
      s = active;
    } finally {
      lock.unlock();
    }
    if (s != null) {
      s.drain();
    }
  }

  private void markWriterDone() {
    Sub s;
    lock.lock();
    try {
      writerDone = true;
      s = active;
    } finally {
      lock.unlock();
    }
    if (s != null) {
      s.drain();
    }
  }

  /** JDK callback: the client subscribes once per attempt to send the body. */
  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    Sub s;
    IOException refusal = null;
    lock.lock();
    try {
      subscriptions++;
      if (subscriptions > 1 && buffered == null) {
        refusal =
            new IOException(
                "the JDK client tried to send a streamed request body twice (redirect or"
                    + " authentication retry); streamed bodies are sent once");
        s = null;
      } else {
        s = new Sub(subscriber);
        if (active != null) {
          active.cancel();
        }
        active = s;
      }
    } finally {
      lock.unlock();
    }
    if (s == null) {
      subscriber.onSubscribe(ResponseBody.NoopSubscription.INSTANCE);
      subscriber.onError(refusal);
      return;
    }
    subscriber.onSubscribe(s);
    s.start();
  }

  /** One subscription of the JDK client to the body. */
  private final class Sub implements Flow.Subscription {
    private final Flow.Subscriber<? super ByteBuffer> downstream;
    private final @Nullable ArrayDeque<ByteBuffer> replay; // buffered mode only
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final @Nullable IdleWatchdog watchdog;
    private volatile boolean cancelled;
    private volatile boolean started;
    private boolean done; // drain loop only

    Sub(Flow.Subscriber<? super ByteBuffer> downstream) {
      this.downstream = downstream;
      if (buffered != null) {
        replay = new ArrayDeque<>(buffered.size());
        for (ByteBuffer b : buffered) {
          replay.add(b.duplicate());
        }
      } else {
        replay = null;
      }
      Duration timeout = writeTimeout;
      this.watchdog =
          IdleWatchdog.of(
              timeout,
              () ->
                  exchange().timedOut(
                      new TransportTimeoutException(
                          Timeouts.Kind.WRITE,
                          "write timed out after " + Timers.format(timeout)
                              + ": the peer stopped reading the request body")));
    }

    void start() {
      started = true;
      if (watchdog != null) {
        watchdog.start();
      }
      drain();
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        abort(new IOException("non-positive request from the HTTP client: " + n));
        return;
      }
      for (;;) {
        long current = demand.get();
        long next = current + n < 0 ? Long.MAX_VALUE : current + n;
        if (demand.compareAndSet(current, next)) {
          break;
        }
      }
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      if (watchdog != null) {
        watchdog.stop();
      }
      // The client gave up on the body (the exchange failed or ended): unblock the writer.
      lock.lock();
      try {
        if (buffered == null && active == this && abort == null && !(writerDone && queue.isEmpty())) {
          abort = new IOException("the HTTP client cancelled the request body");
          queue.clear();
          queuedBytes = 0;
          space.signalAll();
        }
      } finally {
        lock.unlock();
      }
    }

    void drain() {
      if (!started || wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      for (;;) {
        if (!done && !cancelled) {
          drainOnce();
        }
        missed = wip.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }

    private void drainOnce() {
      long emitted = 0;
      for (;;) {
        ByteBuffer next = null;
        IOException failed;
        boolean complete = false;
        boolean pending;
        lock.lock();
        try {
          failed = abort;
          if (failed == null) {
            ArrayDeque<ByteBuffer> source = replay != null ? replay : queue;
            if (demand.get() > 0) {
              next = source.pollFirst();
              if (next != null && replay == null) {
                queuedBytes -= next.remaining();
                space.signalAll();
              }
            }
            complete = next == null && source.isEmpty() && (replay != null || writerDone);
            pending = !source.isEmpty() || next != null;
          } else {
            pending = false;
          }
        } finally {
          lock.unlock();
        }
        if (failed != null) {
          finish();
          downstream.onError(failed);
          return;
        }
        if (next != null) {
          demand.decrementAndGet();
          emitted++;
          downstream.onNext(next);
          if (cancelled) {
            return;
          }
          continue;
        }
        if (complete) {
          finish();
          downstream.onComplete();
          return;
        }
        if (watchdog != null) {
          if (pending && demand.get() == 0) {
            watchdog.waiting(emitted != 0);
          } else {
            watchdog.idle();
          }
        }
        return;
      }
    }

    private void finish() {
      done = true;
      if (watchdog != null) {
        watchdog.stop();
      }
    }
  }
}
