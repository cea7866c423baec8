package dev.conduit.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording: CPU samples ({@code jdk.ExecutionSample}) as the hottest methods by self
 * time, by inclusive time, and the share per thread; allocation samples ({@code
 * jdk.ObjectAllocationSample}) by type and by allocating frame. Used to explain a
 * missed budget in {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code file.jfr [top=25] [filter]}; with a filter (a package prefix such as
 * {@code dev.conduit}) the inclusive list only shows methods whose class starts with it, and
 * allocations are charged to the innermost such frame.
 */
public final class JfrSummary {
  private JfrSummary() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    String filter = args.length > 2 ? args[2] : null;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> allocSite = new HashMap<>();
    Map<String, Integer> allocType = new HashMap<>();
    Map<String, Long> parkNanos = new HashMap<>();
    Map<String, Integer> parks = new HashMap<>();
    Map<String, Integer> threadStarts = new HashMap<>();
    int samples = 0;
    long allocWeight = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (e.getEventType().getName().equals("jdk.ThreadPark")) {
        String thread = e.getThread() != null && e.getThread().getJavaName() != null
            ? e.getThread().getJavaName().replaceAll("\\d+", "#") : "?";
        String site = "?";
        RecordedStackTrace st = e.getStackTrace();
        if (st != null) {
          for (RecordedFrame f : st.getFrames()) {
            String n = name(f);
            if (!n.startsWith("jdk.internal.misc.") && !n.startsWith("java.util.concurrent.locks.")) {
              site = n;
              break;
            }
          }
        }
        String key = thread + " @ " + site;
        parkNanos.merge(key, e.getDuration().toNanos(), Long::sum);
        parks.merge(key, 1, Integer::sum);
        continue;
      }
      if (e.getEventType().getName().equals("jdk.ThreadStart")) {
        RecordedStackTrace st = e.getStackTrace();
        threadStarts.merge(st == null || st.getFrames().isEmpty() ? "?" : name(st.getFrames().get(0)), 1, Integer::sum);
        continue;
      }
      if (e.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
        long w = e.getLong("weight");
        allocWeight += w;
        int kb = (int) Math.min(Integer.MAX_VALUE, w / 1024);
        allocType.merge(e.getClass("objectClass").getName(), kb, Integer::sum);
        RecordedStackTrace st = e.getStackTrace();
        if (st != null) {
          for (RecordedFrame f : st.getFrames()) {
            String n = name(f);
            if (filter == null || n.startsWith(filter)) {
              allocSite.merge(n, kb, Integer::sum);
              break;
            }
          }
        }
        continue;
      }
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      String thread = e.getThread("sampledThread") != null ? e.getThread("sampledThread").getJavaName() : "?";
      threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "#"), 1, Integer::sum);
      List<RecordedFrame> frames = st.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (seen.add(n) && (filter == null || n.startsWith(filter))) {
          inclusive.merge(n, 1, Integer::sum);
        }
      }
    }
    System.out.println(samples + " CPU samples in " + file);
    print("threads", threads, samples, top);
    print("self (top of stack)", self, samples, top);
    print("inclusive" + (filter != null ? " (" + filter + "*)" : ""), inclusive, samples, top);
    if (!parks.isEmpty()) {
      System.out.println("-- parked (jdk.ThreadPark above the recording's threshold): count, total ms, thread @ site");
      parkNanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
          .forEach(e -> System.out.printf("%8d %10.1f  %s%n", parks.get(e.getKey()), e.getValue() / 1e6, e.getKey()));
    }
    if (!threadStarts.isEmpty()) {
      System.out.println("-- threads started (jdk.ThreadStart), by starting frame");
      threadStarts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
          .forEach(e -> System.out.printf("%8d  %s%n", e.getValue(), e.getKey()));
    }
    int totalKb = (int) (allocWeight / 1024);
    if (totalKb > 0) {
      print("allocation by type (sampled weight)", allocType, totalKb, top);
      print("allocation by first " + (filter != null ? filter + "* " : "") + "frame (sampled weight)", allocSite, totalKb, top);
    }
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Integer> m, int total, int top) {
    System.out.println("-- " + title);
    m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
        .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }
}
