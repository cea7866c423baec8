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
 * each: the live thread count stays within 32 of where it started.
 */
class JdkTransportAsyncScaleTest {
  private static final int STREAMS = 2000;
  private static final int EVENTS = 10;
  private static final int MAX_EXTRA_THREADS = 32;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void twoThousandConcurrentStreamsNeedNoThreadEach() throws Exception {
    int baseline = liveThreads();
    int peak = baseline;
    long start = System.nanoTime();
    try (DripServer server = new DripServer(STREAMS, EVENTS, 100);
        JdkTransport transport =
            JdkTransport.create(
                TransportOptions.defaults()
                    .withMaxConnections(STREAMS)
                    .withTimeouts(Timeouts.none().withRead(Duration.ofSeconds(20)).withResponse(Duration.ofSeconds(20))))) {
      List<CompletableFuture<String>> bodies = new ArrayList<>(STREAMS);
      java.util.Map<String, Long> peakNames0 = null;
      long maxTransient = 0;
      for (int i = 0; i < STREAMS; i++) {
        HttpRequest request =
            HttpRequest.builder()
                .uri(server.uri(i))
                .header("Accept", "text/event-stream")
                .timeouts(Timeouts.defaults().withRead(Duration.ofSeconds(20)))
                .build();
        bodies.add(
            transport
                .executeAsync(request)
                .thenCompose(
                    r -> {
                      CollectingSubscriber s = new CollectingSubscriber();
                      r.body().subscribe(s);
                      return s.result;
                    }));
        int now0 = liveThreads();
        if (now0 > peak) {
          peakNames0 = Thread.getAllStackTraces().keySet().stream().collect(java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "#"), java.util.stream.Collectors.counting()));
        }
        peak = Math.max(peak, now0);
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(bodies.toArray(new CompletableFuture<?>[0]));
      boolean allInFlight = false;
      java.util.Map<String, Long> peakNames = null;
      while (!all.isDone()) {
        int now = liveThreads();
        long transientNow = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().matches("Thread-[0-9]+")).count();
        maxTransient = Math.max(maxTransient, transientNow);
        if (now > peak) {
          peakNames = Thread.getAllStackTraces().keySet().stream().collect(java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "#"), java.util.stream.Collectors.counting()));
        }
        peak = Math.max(peak, now);
        allInFlight |= server.awaitAllArrived(0, TimeUnit.MILLISECONDS);
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(45)) {
          break;
        }
        Thread.sleep(5);
      }
      System.out.println("max transient: " + maxTransient + "; threads at peak: " + peakNames + " / during submit " + peakNames0);
      all.get(1, TimeUnit.SECONDS);
      assertThat(allInFlight || server.awaitAllArrived(0, TimeUnit.MILLISECONDS)).isTrue();
      for (int i = 0; i < STREAMS; i++) {
        assertThat(bodies.get(i).getNow(null)).isEqualTo(DripServer.expectedBody(i, EVENTS));
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "JdkTransportAsyncScaleTest: %d concurrent streams in %d ms; live threads baseline %d, peak %d (delta %d, budget %d)%n",
        STREAMS, millis, baseline, peak, peak - baseline, MAX_EXTRA_THREADS);
    assertThat(peak - baseline).isLessThanOrEqualTo(MAX_EXTRA_THREADS);
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
