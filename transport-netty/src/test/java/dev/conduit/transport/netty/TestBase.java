package dev.conduit.transport.netty;

import dev.conduit.http.AsyncHttpResponse;
import dev.conduit.http.HttpRequest;
import dev.conduit.http.HttpResponse;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/** Shared fixtures: transports and servers closed after each test, generous default timeouts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class TestBase {
  static final Duration GENEROUS = Duration.ofSeconds(10);

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

  static Timeouts timeouts() {
    return Timeouts.none().withConnect(GENEROUS).withResponse(GENEROUS).withRead(GENEROUS).withWrite(GENEROUS).withPool(GENEROUS);
  }

  static TransportOptions options() {
    return TransportOptions.defaults().withTimeouts(timeouts());
  }

  NettyTransport transport() {
    return transport(options());
  }

  NettyTransport transport(TransportOptions options) {
    return track(NettyTransport.create(options));
  }

  NettyTransport track(NettyTransport.Builder builder) {
    return track(builder.build());
  }

  static HttpRequest.Builder request(URI uri) {
    return HttpRequest.builder().uri(uri).timeouts(timeouts());
  }

  static byte[] readAll(HttpResponse response) throws IOException {
    try (response) {
      return response.body().readAllBytes();
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
      return f.get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  static Throwable awaitFailure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return unwrap(e);
    }
    throw new AssertionError("expected a failure");
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Waits up to 5 s for every connection of {@code t} to be closed. */
  static void assertClosedSoon(NettyTransport t) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (t.openConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    org.assertj.core.api.Assertions.assertThat(t.openConnections()).as("connections left open").isZero();
  }

  static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** Subscribes a collector that requests everything, and returns the whole body. */
  static byte[] collect(AsyncHttpResponse r) throws Exception {
    Collector c = new Collector(Long.MAX_VALUE);
    r.body().subscribe(c);
    return await(c.done);
  }

  /**
   * A subscriber that requests {@code initial} on subscribe and, when {@code initial} is 1, one more
   * after each item; it records violations of the demand rule and the threads it was called on.
   */
  static class Collector implements Flow.Subscriber<ByteBuffer> {
    final CompletableFuture<byte[]> done = new CompletableFuture<>();
    final AtomicLong requested = new AtomicLong();
    final AtomicLong items = new AtomicLong();
    final java.util.List<String> violations = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final long initial;
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    volatile Flow.Subscription subscription;

    Collector(long initial) {
      this.initial = initial;
    }

    void request(long n) {
      requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      subscription.request(n);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      threads.add(Thread.currentThread().getName());
      subscription = s;
      if (initial > 0) {
        request(initial);
      }
    }

    @Override
    public void onNext(ByteBuffer item) {
      threads.add(Thread.currentThread().getName());
      if (items.incrementAndGet() > requested.get()) {
        violations.add("onNext #" + items.get() + " exceeds demand " + requested.get());
      }
      synchronized (bytes) {
        byte[] b = new byte[item.remaining()];
        item.get(b);
        bytes.write(b, 0, b.length);
      }
      if (initial == 1) {
        request(1);
      }
    }

    @Override
    public void onError(Throwable t) {
      threads.add(Thread.currentThread().getName());
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      threads.add(Thread.currentThread().getName());
      synchronized (bytes) {
        done.complete(bytes.toByteArray());
      }
    }

    long byteCount() {
      synchronized (bytes) {
        return bytes.size();
      }
    }
  }
}
