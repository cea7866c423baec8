package dev.conduit.transport.okhttp.internal;

import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * The state of one Conduit exchange, carried through OkHttp as a request tag: which phase the call
 * is in, the timer of the emulated timeout guarding that phase, the first failure Conduit itself
 * raised, and the release callback.
 *
 * <p>OkHttp reports every socket timeout as a bare {@code SocketTimeoutException("timeout")}; the
 * phase tells which of Conduit's timeouts it was. The phases advance as OkHttp calls Conduit's
 * interceptors and request body: {@code QUEUED} (waiting for a permit or for OkHttp's dispatcher),
 * {@code CONNECTING} (DNS, TCP, TLS, or a pooled connection), {@code SENDING} (request headers and
 * body), {@code AWAITING} (request sent, waiting for headers), {@code BODY} and {@code DONE}.
 *
 * <p>Emulated timeouts ({@code pool} while queued in the dispatcher, {@code connect} covering TLS,
 * {@code response}) run on the shared {@link Timers} thread; when one fires, it records a {@link
 * TransportTimeoutException} and cancels the OkHttp call.
 */
public final class Exchange {
  enum Phase {
    QUEUED,
    CONNECTING,
    SENDING,
    AWAITING,
    BODY,
    DONE
  }

  private final Timeouts timeouts;
  private final boolean retryOnConnectionFailure;
  private final Consumer<Exchange> onFinish;
  private final AtomicReference<@Nullable IOException> failure = new AtomicReference<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile @Nullable Call call;
  private volatile @Nullable Consumer<IOException> earlyFailureListener;

  private Phase phase = Phase.QUEUED; // guarded by this
  private @Nullable ScheduledFuture<?> timer; // guarded by this
  private long timerGeneration; // guarded by this
  private @Nullable IOException networkFailure; // guarded by this
  private Timeouts.Kind networkFailureKind = Timeouts.Kind.CONNECT; // guarded by this
  private @Nullable TransportTimeoutException mappedFailure; // guarded by this

  /**
   * Creates an exchange guarded by {@code timeouts} that runs {@code onFinish} once when it ends.
   * {@code retryOnConnectionFailure} is handed to OkHttp for this call.
   */
  public Exchange(Timeouts timeouts, boolean retryOnConnectionFailure, Consumer<Exchange> onFinish) {
    this.timeouts = timeouts;
    this.retryOnConnectionFailure = retryOnConnectionFailure;
    this.onFinish = onFinish;
  }

  /** Returns the timeouts of this exchange. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** Returns whether OkHttp may silently retry this call on another connection. */
  public boolean retryOnConnectionFailure() {
    return retryOnConnectionFailure;
  }

  /** Attaches the OkHttp call; cancelled at once if the exchange already failed. */
  public void call(Call call) {
    this.call = call;
    if (failure.get() != null) {
      call.cancel();
    }
  }

  /** Registers who to tell at once when Conduit fails the exchange before its headers arrived. */
  public void onEarlyFailure(Consumer<IOException> listener) {
    this.earlyFailureListener = listener;
  }

  /**
   * The call was handed to OkHttp's dispatcher, which may queue it: what is left of the pool
   * timeout ({@code remainingNanos} of {@code pool}) now bounds that wait.
   */
  public synchronized void dispatched(@Nullable Duration pool, long remainingNanos) {
    if (phase == Phase.QUEUED) {
      arm(Timeouts.Kind.POOL, pool, remainingNanos);
    }
  }

  /** Conduit's application interceptor runs: OkHttp is about to find a connection. */
  public synchronized void enterApplication() {
    phase = Phase.CONNECTING;
    arm(Timeouts.Kind.CONNECT, timeouts.connect());
  }

  /** Conduit's application interceptor returns {@code failure}, or the response if null. */
  public synchronized void exitApplication(@Nullable IOException e) {
    disarm();
    if (e == null) {
      phase = Phase.BODY;
      return;
    }
    if (mappedFailure == null && Failures.isSocketTimeout(e)) {
      // A timeout that did not come out of the network interceptor happened while connecting.
      Timeouts.Kind kind = e == networkFailure ? networkFailureKind : Timeouts.Kind.CONNECT;
      mappedFailure = Failures.timeout(kind, timeouts.get(kind), e);
    }
  }

  /**
   * Conduit's network interceptor runs: a connection is ready. With {@code awaitingResponse} (no
   * request body, or one held back by {@code Expect: 100-continue}) the response clock starts now.
   */
  public synchronized void enterNetwork(boolean awaitingResponse) {
    if (awaitingResponse) {
      phase = Phase.AWAITING;
      arm(Timeouts.Kind.RESPONSE, timeouts.response());
    } else {
      disarm();
      phase = Phase.SENDING;
    }
  }

  /** OkHttp starts writing the request body. */
  public synchronized void requestBodyStarted() {
    disarm();
    phase = Phase.SENDING;
  }

  /** The request body is written and flushed: the response clock starts. */
  public synchronized void requestBodyWritten() {
    phase = Phase.AWAITING;
    arm(Timeouts.Kind.RESPONSE, timeouts.response());
  }

  /**
   * Conduit's network interceptor returns, with {@code failure} or headers (null). OkHttp may
   * follow a redirect or retry next, so the connect clock restarts until the application
   * interceptor returns.
   */
  public synchronized void exitNetwork(@Nullable IOException e) {
    if (e != null && Failures.isSocketTimeout(e)) {
      networkFailure = e;
      networkFailureKind =
          phase == Phase.SENDING
              ? Timeouts.Kind.WRITE
              : phase == Phase.AWAITING ? Timeouts.Kind.RESPONSE : Timeouts.Kind.CONNECT;
    }
    phase = Phase.CONNECTING;
    arm(Timeouts.Kind.CONNECT, timeouts.connect());
  }

  /**
   * Records {@code cause} as the reason this exchange failed, if none was recorded yet, and cancels
   * the OkHttp call (closing its connection).
   *
   * @return true if {@code cause} is the recorded failure
   */
  public boolean fail(IOException cause) {
    boolean early;
    synchronized (this) {
      if (!failure.compareAndSet(null, cause)) {
        return false;
      }
      early = phase.compareTo(Phase.BODY) < 0;
    }
    afterFailure(cause, early);
    return true;
  }

  private void afterFailure(IOException cause, boolean early) {
    abort();
    Consumer<IOException> listener = earlyFailureListener;
    if (early && listener != null) {
      listener.accept(cause);
    }
  }

  /** Returns the failure Conduit recorded, or null. */
  public @Nullable IOException failure() {
    return failure.get();
  }

  /**
   * Maps a failure of the call before its headers to what the SPI promises: Conduit's recorded
   * failure first, then OkHttp's socket timeouts as {@link TransportTimeoutException}s of the phase
   * they happened in, other exceptions as they are.
   */
  public IOException callFailure(IOException e) {
    IOException recorded = failure.get();
    if (recorded != null) {
      return recorded;
    }
    synchronized (this) {
      if (mappedFailure != null) {
        return mappedFailure;
      }
    }
    return e;
  }

  /** Maps a failure while reading the response body; a socket timeout there is a READ timeout. */
  public IOException bodyFailure(IOException e) {
    IOException recorded = failure.get();
    if (recorded != null) {
      return recorded;
    }
    if (Failures.isSocketTimeout(e)) {
      return Failures.timeout(Timeouts.Kind.READ, timeouts.read(), e);
    }
    return e;
  }

  /** Cancels the OkHttp call, which closes its connection at once; safe from any thread. */
  public void abort() {
    Call c = call;
    if (c != null) {
      c.cancel();
    }
  }

  /** Returns true once {@link #finish} ran. */
  public boolean isFinished() {
    return finished.get();
  }

  /** Ends the exchange: stops its timer and runs the release callback. Idempotent. */
  public void finish() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      disarm();
      phase = Phase.DONE;
    }
    onFinish.accept(this);
  }

  private void arm(Timeouts.Kind kind, @Nullable Duration d) {
    arm(kind, d, d == null ? 0 : Timers.nanos(d));
  }

  private void arm(Timeouts.Kind kind, @Nullable Duration d, long delayNanos) {
    disarm();
    if (d == null || failure.get() != null) {
      return;
    }
    long generation = timerGeneration;
    timer = Timers.schedule(() -> expire(kind, d, generation), delayNanos);
  }

  private void disarm() {
    timerGeneration++;
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
      timer = null;
    }
  }

  private void expire(Timeouts.Kind kind, Duration d, long generation) {
    TransportTimeoutException e = Failures.timeout(kind, d, null);
    boolean early;
    synchronized (this) {
      if (generation != timerGeneration || !failure.compareAndSet(null, e)) {
        return;
      }
      timer = null;
      early = phase.compareTo(Phase.BODY) < 0;
    }
    afterFailure(e, early);
  }
}
