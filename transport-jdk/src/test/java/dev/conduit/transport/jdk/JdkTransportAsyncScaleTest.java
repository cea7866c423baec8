package dev.conduit.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.HttpRequest;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportOptions;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2,000 event streams in flight at once through {@link JdkTransport#executeAsync} hold no thread
 * each: the JVM's live thread count stays within 32 of where it started, from the first request to
 * the last byte.
 *
 * <p>The server is {@link DripServer}: one thread, non-blocking sockets, one small event per stream
 * every 100 ms once all 2,000 requests are in.
 *
 * <p>The build runs this class in its own JVM with the common pool's parallelism pinned to 2 (see
 * the module's pom): with a parallelism of 1, the default on two cores or fewer, {@code
 * java.net.http} completes every {@code sendAsync} future on a new short-lived thread of its own,
 * which this test would otherwise count. The output line reports the parallelism it ran with.
 */
class JdkTransportAsyncScaleTest {
  private static final int STREAMS = 2000;
  private static final int EVENTS = 10;
  private static final int MAX_EXTRA_THREADS = 32;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void twoThousandConcurrentStreamsNeedNoThreadEach() throws Exception {
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    int baseline = liveThreads();
    int peak = baseline;
    int peakWhileAllInFlight = 0;
    long start = System.nanoTime();
    Timeouts timeouts = Timeouts.defaults().withRead(Duration.ofSeconds(30)).withResponse(Duration.ofSeconds(30));
    try (DripServer server = new DripServer(STREAMS, EVENTS, 100);
        JdkTransport transport =
            JdkTransport.create(TransportOptions.defaults().withMaxConnections(STREAMS).withTimeouts(timeouts))) {
      List<CompletableFuture<String>> bodies = new ArrayList<>(STREAMS);
      for (int i = 0; i < STREAMS; i++) {
        HttpRequest request =
            HttpRequest.builder().uri(server.uri(i)).header("Accept", "text/event-stream").timeouts(timeouts).build();
        bodies.add(
            transport
                .executeAsync(request)
                .thenCompose(
                    r -> {
                      CollectingSubscriber s = new CollectingSubscriber();
                      r.body().subscribe(s);
                      return s.result;
                    }));
        peak = Math.max(peak, liveThreads());
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(bodies.toArray(new CompletableFuture<?>[0]));
      boolean allInFlight = false;
      long deadline = start + TimeUnit.SECONDS.toNanos(45);
      while (!all.isDone() && System.nanoTime() < deadline) {
        int now = liveThreads();
        peak = Math.max(peak, now);
        if (allInFlight || server.awaitAllArrived(0, TimeUnit.MILLISECONDS)) {
          allInFlight = true;
          peakWhileAllInFlight = Math.max(peakWhileAllInFlight, now);
        }
        Thread.sleep(2);
      }
      all.get(1, TimeUnit.SECONDS);
      assertThat(allInFlight).as("all %s requests were in flight at once", STREAMS).isTrue();
      for (int i = 0; i < STREAMS; i++) {
        assertThat(bodies.get(i).getNow(null)).isEqualTo(DripServer.expectedBody(i, EVENTS));
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "JdkTransportAsyncScaleTest: %d concurrent streams x %d events in %d ms; live threads: baseline %d,"
            + " peak %d (delta %d, budget %d), peak while all were in flight %d (delta %d);"
            + " JVM peak counter %d; common pool parallelism %d%n",
        STREAMS, EVENTS, millis, baseline, peak, peak - baseline, MAX_EXTRA_THREADS,
        peakWhileAllInFlight, peakWhileAllInFlight - baseline,
        ManagementFactory.getThreadMXBean().getPeakThreadCount(),
        java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
    assertThat(peak - baseline).isLessThanOrEqualTo(MAX_EXTRA_THREADS);
    assertThat(ManagementFactory.getThreadMXBean().getPeakThreadCount() - baseline)
        .as("the JVM's own peak thread counter")
        .isLessThanOrEqualTo(MAX_EXTRA_THREADS);
  }

  private static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** Requests one buffer at a time and collects the body as text. */
  private static final class CollectingSubscriber implements Flow.Subscriber<ByteBuffer> {
    final CompletableFuture<String> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(ByteBuffer item) {
      byte[] b = new byte[item.remaining()];
      item.get(b);
      bytes.write(b, 0, b.length);
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
