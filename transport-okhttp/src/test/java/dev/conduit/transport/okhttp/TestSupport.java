package dev.conduit.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** Fixtures shared by the transport's tests: tracked resources, requests, a checking subscriber. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class TestSupport {
  static final Duration GENEROUS = Duration.ofSeconds(10);
  static final String SECRET = "Bearer sk-test-secret-0123456789";

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  @AfterEach
  void closeResources() throws Exception {
    while (!resources.isEmpty()) {
      resources.pop().close();
    }
  }

  <T extends AutoCloseable> T track(T resource) {
    resources.push(resource);
    return resource;
  }

  Servers.Http http() {
    return track(new Servers.Http());
  }

  Servers.Raw raw(Servers.Raw.Script script) {
    return track(new Servers.Raw(script));
  }

  OkHttpTransport transport() {
    return transport(options());
  }

  OkHttpTransport transport(TransportOptions options) {
    return track(OkHttpTransport.create(options));
  }

  static TransportOptions options() {
    return TransportOptions.defaults().withTimeouts(timeouts());
  }

  static Timeouts timeouts() {
    return Timeouts.none()
        .withConnect(GENEROUS)
        .withResponse(GENEROUS)
        .withRead(GENEROUS)
        .withWrite(GENEROUS)
        .withPool(GENEROUS);
  }

  static HttpRequest.Builder request(URI uri) {
    return HttpRequest.builder().uri(uri).timeouts(timeouts()).header("Authorization", SECRET);
  }

  static byte[] readAll(HttpResponse r) throws IOException {
    try (r) {
      return r.body().readAllBytes();
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  static Throwable awaitFailure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      Throwable t = e;
      while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
        t = t.getCause();
      }
      return t;
    }
    throw new AssertionError("expected the future to fail");
  }

  /** Asserts a timeout of {@code kind} whose message names it and its duration, and no secret. */
  static void assertTimedOut(Throwable t, Timeouts.Kind kind, Duration timeout) {
    assertThat(t).isInstanceOf(TransportTimeoutException.class);
    assertThat(((TransportTimeoutException) t).kind()).isEqualTo(kind);
    assertThat(t.getMessage())
        .contains(kind.label())
        .contains(String.valueOf(timeout.toMillis()))
        .doesNotContain("sk-test-secret");
  }

  static void assertElapsedAbout(long startNanos, Duration timeout) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    assertThat(elapsed).isGreaterThanOrEqualTo(timeout.multipliedBy(8).dividedBy(10)).isLessThan(timeout.plusSeconds(4));
  }

  static int liveThreads() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** A body subscriber that records what it gets and the Reactive Streams rules it saw broken. */
  static final class Recorder implements Flow.Subscriber<ByteBuffer> {
    enum Mode {
      UNBOUNDED,
      ONE_AT_A_TIME,
      MANUAL
    }

    final Mode mode;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final AtomicLong requested = new AtomicLong();
    final AtomicLong items = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
    final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    volatile boolean keep = true;
    volatile boolean cancelAfterFirst;
    volatile Flow.Subscription subscription;
    volatile boolean terminated;
    volatile boolean cancelled;

    Recorder(Mode mode) {
      this.mode = mode;
    }

    void request(long n) {
      requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      subscription.request(n);
    }

    void cancel() {
      cancelled = true;
      subscription.cancel();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      if (subscription != null) {
        violations.add("second onSubscribe");
      }
      subscription = s;
      if (mode == Mode.UNBOUNDED) {
        request(Long.MAX_VALUE);
      } else if (mode == Mode.ONE_AT_A_TIME) {
        request(1);
      }
    }

    @Override
    public void onNext(ByteBuffer item) {
      if (terminated || cancelled) {
        violations.add("onNext after terminal or cancel");
      }
      long n = items.incrementAndGet();
      if (n > requested.get()) {
        violations.add("onNext #" + n + " exceeds demand " + requested.get());
      }
      synchronized (this) {
        bytes.addAndGet(item.remaining());
        crc.update(item.duplicate());
        if (keep) {
          byte[] b = new byte[item.remaining()];
          item.duplicate().get(b);
          kept.write(b, 0, b.length);
        }
      }
      if (cancelAfterFirst) {
        cancel();
        return;
      }
      if (mode == Mode.ONE_AT_A_TIME) {
        request(1);
      }
    }

    @Override
    public void onError(Throwable t) {
      if (terminated) {
        violations.add("second terminal signal");
      }
      terminated = true;
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      if (terminated) {
        violations.add("second terminal signal");
      }
      terminated = true;
      done.complete(null);
    }

    byte[] awaitBody() throws Exception {
      done.get(10, TimeUnit.SECONDS);
      synchronized (this) {
        return kept.toByteArray();
      }
    }

    Throwable awaitError() throws Exception {
      try {
        done.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        return e.getCause();
      }
      throw new AssertionError("expected onError, got onComplete");
    }

    synchronized long crc() {
      return crc.getValue();
    }
  }

  /** Returns the CRC32C of {@code size} bytes of the pattern {@link #pattern}. */
  static long patternCrc(long size) {
    java.util.zip.CRC32C c = new java.util.zip.CRC32C();
    byte[] block = pattern(64 * 1024);
    long left = size;
    while (left > 0) {
      int n = (int) Math.min(left, block.length);
      c.update(block, 0, n);
      left -= n;
    }
    return c.getValue();
  }

  /** A block of {@code size} bytes cycling through every byte value in a shifted order. */
  static byte[] pattern(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 7 + i / 251);
    }
    return b;
  }
}
