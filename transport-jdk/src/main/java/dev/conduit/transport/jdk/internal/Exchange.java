package dev.conduit.transport.jdk.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The state one request/response exchange shares between its parts: the JDK's response future, the
 * request body being written, the response body being read, and the first failure Conduit itself
 * raised (a timeout, an abort). {@link #fail} aborts every part; {@link #finish} runs the release
 * callback (free the permit, forget the exchange) exactly once.
 */
public final class Exchange {
  private final AtomicReference<@Nullable IOException> failure = new AtomicReference<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final Consumer<Exchange> onFinish;
  private final Executor callbacks;
  private volatile @Nullable CompletableFuture<?> jdkFuture;
  private volatile @Nullable RequestBodyPublisher requestBody;
  private volatile @Nullable ResponseBody responseBody;
  private @Nullable Thread waitingCaller; // guarded by this
  private boolean callerInterrupted; // guarded by this

  /**
   * Creates an exchange that runs {@code onFinish} once when it ends, however it ends. Timeouts
   * detected on the shared timer thread are signalled through {@code callbacks}, so subscribers'
   * {@code onError} never runs on (and never stalls) the timer.
   */
  private final long startNanos = System.nanoTime();

  /** Returns how long ago this exchange was created (just before it was handed to the JDK). */
  public java.time.Duration elapsed() {
    return java.time.Duration.ofNanos(System.nanoTime() - startNanos);
  }

  public Exchange(Consumer<Exchange> onFinish, Executor callbacks) {
    this.onFinish = onFinish;
    this.callbacks = callbacks;
  }

  /** Fails the exchange with {@code timeout} from the callback executor; for timer tasks. */
  public void timedOut(IOException timeout) {
    try {
      callbacks.execute(() -> fail(timeout));
    } catch (RuntimeException rejected) {
      fail(timeout);
    }
  }

  /** Attaches the JDK's response future; cancelled at once if the exchange already failed. */
  public void jdkFuture(CompletableFuture<?> future) {
    jdkFuture = future;
    if (failure.get() != null) {
      future.cancel(true);
    }
  }

  /**
   * Registers {@code caller} as blocked in the JDK's {@code send} until the headers arrive: {@link
   * #fail} aborts such an exchange by interrupting it (there is no future to cancel). Interrupted at
   * once if the exchange already failed.
   */
  public synchronized void callerWaiting(Thread caller) {
    waitingCaller = caller;
    if (failure.get() != null) {
      caller.interrupt();
      callerInterrupted = true;
    }
  }

  /**
   * Unregisters the blocked caller, on its own thread, when {@code send} returned or threw.
   *
   * @return true if {@link #fail} interrupted it: the caller must clear its interrupt status
   */
  public synchronized boolean callerDone() {
    waitingCaller = null;
    boolean interrupted = callerInterrupted;
    callerInterrupted = false;
    return interrupted;
  }

  private synchronized void interruptWaitingCaller() {
    Thread caller = waitingCaller;
    if (caller != null && !callerInterrupted) {
      caller.interrupt();
      callerInterrupted = true;
    }
  }

  /** Attaches the request body publisher. */
  public void requestBody(RequestBodyPublisher publisher) {
    publisher.bind(this);
    requestBody = publisher;
    IOException f = failure.get();
    if (f != null) {
      publisher.abort(f);
    }
  }

  /** Attaches the response body once headers have arrived. */
  public void responseBody(ResponseBody body) {
    responseBody = body;
    IOException f = failure.get();
    if (f != null) {
      body.fail(f);
    }
  }

  /**
   * Records {@code cause} as the reason this exchange failed, if none was recorded yet, and aborts
   * the request in flight, the body being written and the body being read.
   *
   * @return true if {@code cause} is the recorded failure
   */
  public boolean fail(IOException cause) {
    if (!failure.compareAndSet(null, cause)) {
      return false;
    }
    CompletableFuture<?> f = jdkFuture;
    if (f != null) {
      f.cancel(true);
    }
    interruptWaitingCaller();
    RequestBodyPublisher rb = requestBody;
    if (rb != null) {
      rb.abort(cause);
    }
    ResponseBody body = responseBody;
    if (body != null) {
      body.fail(cause);
    }
    return true;
  }

  /** Returns the failure Conduit recorded, or null. */
  public @Nullable IOException failure() {
    return failure.get();
  }

  /** Returns true once {@link #finish} ran. */
  public boolean isFinished() {
    return finished.get();
  }

  /**
   * Ends the exchange: stops a request body writer that is still blocked and runs the release
   * callback. Idempotent.
   */
  public void finish() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    RequestBodyPublisher rb = requestBody;
    if (rb != null) {
      rb.abort(new IOException("the exchange ended before the request body was written"));
    }
    ResponseBody body = responseBody;
    if (body != null) {
      body.stopWatchdog();
    }
    onFinish.accept(this);
  }
}
