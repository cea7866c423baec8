package dev.conduit.benchmarks;

import dev.conduit.benchmarks.contenders.AsyncSink;
import dev.conduit.benchmarks.contenders.Contender;
import dev.conduit.benchmarks.server.Payloads;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The async figure's child process: opens {@code n} asynchronous Responses streams at once against
 * streams the server holds open after their first events, waits until every stream has seen an event
 * (or until, once some have started, no new stream has started for {@code stallSeconds}), counts the JVM's live threads, then
 * releases the streams and waits for all of them to complete.
 *
 * <p>Arguments: contender, base URL, n, stallSeconds. Prints one line:
 * {@code ASYNC inFlight=.. threads=.. peakThreads=.. baseline=.. completed=.. errors=.. events=..}.
 */
public final class AsyncProbe {
  private AsyncProbe() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    String baseUrl = args[1];
    int n = Integer.parseInt(args[2]);
    long stallNanos = (long) (Double.parseDouble(args.length > 3 ? args[3] : "5") * 1e9);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    control(baseUrl, "/bench/reset");
    int baseline = mx.getThreadCount();

    AtomicInteger started = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger events = new AtomicInteger();
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    Contender c = Contender.create(name, baseUrl, n);
    mx.resetPeakThreadCount();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      c.startAsyncStream(new AsyncSink() {
        private volatile boolean seen;

        @Override
        public void event() {
          events.incrementAndGet();
          if (!seen) {
            seen = true;
            started.incrementAndGet();
            inFlight.incrementAndGet();
          }
        }

        @Override
        public void complete() {
          completed.incrementAndGet();
          if (seen) {
            inFlight.decrementAndGet();
          }
        }

        @Override
        public void error(Throwable t) {
          errors.incrementAndGet();
          if (seen) {
            inFlight.decrementAndGet();
          }
          firstError.compareAndSet(null, t);
        }
      });
    }
    int last = -1;
    long lastChange = System.nanoTime();
    while (started.get() < n && errors.get() == 0) {
      int s = started.get();
      if (s != last) {
        last = s;
        lastChange = System.nanoTime();
      } else if (s > 0 ? System.nanoTime() - lastChange > stallNanos : System.nanoTime() - t0 > 60_000_000_000L) {
        break; // no new stream for stallSeconds (or none at all within a minute): the library queues the rest
      }
      Thread.sleep(20);
    }
    long openNanos = System.nanoTime() - t0;
    Thread.sleep(200);
    int inFlightNow = inFlight.get();
    int threads = mx.getThreadCount();
    int peak = mx.getPeakThreadCount();
    control(baseUrl, "/bench/release");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (completed.get() + errors.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    int peakAfter = mx.getPeakThreadCount();
    System.out.printf("ASYNC inFlight=%d threads=%d peakThreads=%d baseline=%d completed=%d errors=%d events=%d"
            + " expectedEvents=%d openMillis=%d%n",
        inFlightNow, threads, Math.max(peak, peakAfter), baseline, completed.get(), errors.get(), events.get(),
        (long) n * Payloads.HELD_EVENTS, openNanos / 1_000_000);
    for (Throwable t = firstError.get(); t != null; t = t.getCause()) {
      System.out.println((t == firstError.get() ? "ERROR " : "  caused by ") + t);
      if (t.getCause() == t) {
        break;
      }
    }
    System.out.flush();
    System.exit(0);
  }

  /** Sends a control request on a plain socket, so that no client thread is created for it. */
  private static void control(String baseUrl, String path) throws Exception {
    URI u = URI.create(baseUrl);
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      in.readAllBytes();
    }
  }
}
