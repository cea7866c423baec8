package dev.conduit.benchmarks;

import dev.conduit.benchmarks.contenders.Contender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain loop for profiling outside JMH (for example under JFR with {@code jdk.ThreadPark} at a 0 ms
 * threshold, which JMH's own profilers do not set): {@code threads} threads call the contender's
 * {@code chat} or {@code stream} for {@code seconds} after {@code warmupSeconds}, and the rate is
 * printed. Arguments: contender, base URL, chat|stream, threads, warmupSeconds, seconds.
 */
public final class ProfileLoop {
  private ProfileLoop() {}

  public static void main(String[] args) throws Exception {
    Contender c = Contender.create(args[0], args[1], 0);
    boolean stream = args[2].equals("stream");
    int threads = Integer.parseInt(args[3]);
    long warmupNanos = (long) (Double.parseDouble(args[4]) * 1e9);
    long measureNanos = (long) (Double.parseDouble(args[5]) * 1e9);
    AtomicLong ops = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + warmupNanos;
    long end = measureFrom + measureNanos;
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        try {
          long now;
          while ((now = System.nanoTime()) < end) {
            long n = stream ? c.stream() : (c.chat() != null ? 1 : 0);
            if (now >= measureFrom) {
              ops.addAndGet(n);
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "loop-" + i);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    System.out.printf("%s %s x%d: %,.0f %s/s%n", args[0], args[2], threads, ops.get() / (measureNanos / 1e9),
        stream ? "events" : "calls");
    c.close();
    System.exit(0);
  }
}
