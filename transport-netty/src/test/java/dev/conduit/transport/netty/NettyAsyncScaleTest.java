package dev.conduit.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.http.HttpRequest;
import dev.conduit.http.Timeouts;
import dev.conduit.http.TransportOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2,000 concurrent streaming responses through {@code executeAsync}: every body arrives exactly,
 * and the JVM's live thread count stays within 32 of what it was before the transport existed.
 */
class NettyAsyncScaleTest {
  static final int STREAMS = 2000;
  static final int EVENTS = 12;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void twoThousandConcurrentStreamsOnAFewThreads() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (DripServer server = new DripServer(STREAMS, EVENTS, 20)) {
      Thread.sleep(100);
      int baseline = threads.getThreadCount();
      threads.resetPeakThreadCount();
      long start = System.nanoTime();
      Duration generous = Duration.ofSeconds(60);
      Timeouts timeouts =
          Timeouts.none().withConnect(generous).withPool(generous).withResponse(generous).withRead(generous).withWrite(generous);
      NettyTransport t = NettyTransport.create(TransportOptions.defaults().withTimeouts(timeouts).withMaxConnections(STREAMS + 100));
      try {
        List<CompletableFuture<byte[]>> bodies = new ArrayList<>(STREAMS);
        for (int i = 0; i < STREAMS; i++) {
          HttpRequest req = HttpRequest.builder().uri(server.uri(i)).timeouts(timeouts).header("Accept", "text/event-stream").build();
          bodies.add(
              t.executeAsync(req)
                  .thenCompose(
                      r -> {
                        assertThat(r.statusCode()).isEqualTo(200);
                        TestBase.Collector c = new TestBase.Collector(1); // one buffer at a time
                        r.body().subscribe(c);
                        return c.done.thenApply(
                            b -> {
                              assertThat(c.violations).isEmpty();
                              return b;
                            });
                      }));
        }
        long issued = System.nanoTime();
        while (server.requestsReceived() < STREAMS && System.nanoTime() - issued < TimeUnit.SECONDS.toNanos(75)) {
          Thread.sleep(1);
        }
        long allIn = System.nanoTime();
        CompletableFuture.allOf(bodies.toArray(new CompletableFuture<?>[0])).get(75, TimeUnit.SECONDS);
        System.out.printf(
            "NettyAsyncScaleTest: issued in %d ms, all %d requests at the server %d ms later, all bodies %d ms after that%n",
            (issued - start) / 1_000_000, STREAMS, (allIn - issued) / 1_000_000, (System.nanoTime() - allIn) / 1_000_000);
        assertThat(server.requestsReceived()).isEqualTo(STREAMS);
        assertThat(t.openConnections()).as("one connection per stream, now idle in the pool").isEqualTo(STREAMS);
        for (int i = 0; i < STREAMS; i++) {
          assertThat(TestBase.utf8(bodies.get(i).get())).isEqualTo(DripServer.expectedBody(i, EVENTS));
        }
        int peak = threads.getPeakThreadCount();
        System.out.printf(
            "NettyAsyncScaleTest: %d streams x %d events in %d ms; live threads baseline %d, peak %d (+%d); open connections %d%n",
            STREAMS, EVENTS, (System.nanoTime() - start) / 1_000_000, baseline, peak, peak - baseline, t.openConnections());
        assertThat(peak - baseline).as("peak live threads above the baseline").isLessThanOrEqualTo(32);
      } finally {
        t.close();
      }
    }
  }
}
