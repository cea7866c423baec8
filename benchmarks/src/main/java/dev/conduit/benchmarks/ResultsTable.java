package dev.conduit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown table of a run: every figure for every contender as median and min – max over the
 * rounds, its ratios to the floor and to openai-java (taken within a round, then summarised), and the
 * verdict of the DESIGN §6 budget it falls under.
 */
final class ResultsTable {
  /** figure -> contender -> values, one per round (or run), in round order. */
  private final Map<String, Map<String, List<Double>>> results;
  private final List<String> contenders;
  /** The number of async streams asked for, which the thread budget is stated for. */
  private final int streams;

  ResultsTable(Map<String, Map<String, List<Double>>> results, List<String> contenders, int streams) {
    this.results = results;
    this.contenders = contenders;
    this.streams = streams;
  }

  /** One row kind: how to label it, format it, and which budget applies. */
  private static final class Fig {
    final String key;
    final String label;
    final String unit;
    final double scale;
    final int decimals;

    Fig(String key, String label, String unit, double scale, int decimals) {
      this.key = key;
      this.label = label;
      this.unit = unit;
      this.scale = scale;
      this.decimals = decimals;
    }
  }

  private static final List<Fig> ROWS = List.of(
      new Fig("jars", "runtime jars of the default stack", "jars", 1, 0),
      new Fig("jarBytes", "bytes of those jars", "MiB", 1.0 / (1024 * 1024), 2),
      new Fig("startup", "JVM start → first chat completion answered", "ms", 1, 0),
      new Fig("sequential", "sequential non-streaming calls/s", "calls/s", 1, 0),
      new Fig("threads16", "16 threads, non-streaming calls/s", "calls/s", 1, 0),
      new Fig("stream", "Responses stream, typed events/s (10,000 deltas)", "k events/s", 1e-3, 1),
      new Fig("allocCall", "bytes allocated per call (sequential, -prof gc)", "B/call", 1, 0),
      new Fig("allocEvent", "bytes allocated per stream event (-prof gc)", "B/event", 1, 0),
      new Fig("cpuCall", "client CPU per call, sequential (all JVM threads)", "µs", 1, 1),
      new Fig("cpuCall16", "client CPU per call, 16 threads (all JVM threads)", "µs", 1, 1),
      new Fig("cpuEvent", "client CPU per stream event (all JVM threads)", "µs", 1, 2),
      new Fig("asyncInFlight", "async streams in flight at once", "streams", 1, 0),
      new Fig("asyncThreads", "live JVM threads with them in flight", "threads", 1, 0),
      new Fig("asyncPeak", "peak JVM threads during the async run", "threads", 1, 0));

  /** Renders the table: one row per figure and contender, in the order of {@link #ROWS}. */
  String render() {
    StringBuilder t = new StringBuilder();
    t.append("| figure | contender | median | min – max | ÷ floor: median (min – max) | ÷ openai-java: median (min – max) | budget |\n");
    t.append("|---|---|---:|---:|---:|---:|---|\n");
    for (Fig f : ROWS) {
      Map<String, List<Double>> byContender = results.get(f.key);
      if (byContender == null) {
        continue;
      }
      for (String c : contenders) {
        List<Double> v = byContender.get(c);
        if (v == null) {
          continue;
        }
        t.append("| ").append(f.label).append(" | ").append(c).append(" | ")
            .append(fmt(median(v) * f.scale, f.decimals)).append(' ').append(f.unit).append(" | ")
            .append(v.size() > 1 ? fmt(min(v) * f.scale, f.decimals) + " – " + fmt(max(v) * f.scale, f.decimals) : "")
            .append(" | ").append(ratioCell(byContender, c, "floor"))
            .append(" | ").append(ratioCell(byContender, c, "openai-java"))
            .append(" | ").append(budget(f.key, c, byContender)).append(" |\n");
      }
    }
    return t.toString();
  }

  /** Per-round ratios of {@code c} to {@code base}, as "median (min – max)". */
  private String ratioCell(Map<String, List<Double>> byContender, String c, String base) {
    List<Double> r = ratios(byContender, c, base);
    if (r == null || c.equals(base)) {
      return "";
    }
    String med = fmt(median(r), 2) + "×";
    return r.size() > 1 ? med + " (" + fmt(min(r), 2) + " – " + fmt(max(r), 2) + ")" : med;
  }

  private static List<Double> ratios(Map<String, List<Double>> byContender, String c, String base) {
    List<Double> a = byContender.get(c);
    List<Double> b = byContender.get(base);
    if (a == null || b == null) {
      return null;
    }
    List<Double> r = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (b.get(i) != 0) {
        r.add(a.get(i) / b.get(i));
      }
    }
    return r.isEmpty() ? null : r;
  }

  private String budget(String figure, String c, Map<String, List<Double>> byContender) {
    if (!c.startsWith("conduit-") || c.contains("+")) {
      return "";
    }
    List<Double> floor = ratios(byContender, c, "floor");
    List<Double> official = ratios(byContender, c, "openai-java");
    switch (figure) {
      case "jarBytes": {
        if (!c.equals("conduit-jdk")) {
          return "";
        }
        double mib = median(byContender.get(c)) / (1024 * 1024);
        return verdict(mib <= 6, "≤ 6 MiB", mib > 6 ? String.format(Locale.ROOT, "over by %.2f MiB", mib - 6) : null);
      }
      case "startup":
        return floor == null ? "" : verdict(median(floor) <= 1.5, "≤ 1.5× floor", over(median(floor), 1.5));
      case "sequential":
        return floor == null ? "" : verdict(median(floor) >= 0.95, "≥ 0.95× floor", under(median(floor), 0.95));
      case "threads16":
        return floor == null ? "" : verdict(median(floor) >= 0.90, "≥ 0.90× floor", under(median(floor), 0.90));
      case "stream":
        return official == null ? "" : verdict(median(official) >= 3, "≥ 3× openai-java", under(median(official), 3));
      case "asyncThreads": {
        if (c.equals("conduit-okhttp")) {
          return "(no budget: OkHttp has no native async)";
        }
        List<Double> inFlight = results.getOrDefault("asyncInFlight", Map.of()).get(c);
        boolean all = inFlight != null && min(inFlight) >= streams;
        double threads = max(byContender.get(c));
        return verdict(all && threads <= 32, String.format(Locale.ROOT, "%,d streams ≤ 32 threads", streams),
            !all ? "not all streams in flight" : threads > 32 ? "over by " + fmt(threads - 32, 0) + " threads" : null);
      }
      default:
        return "";
    }
  }

  private static String over(double ratio, double limit) {
    return ratio > limit ? String.format(Locale.ROOT, "over by %.0f%%", (ratio / limit - 1) * 100) : null;
  }

  private static String under(double ratio, double limit) {
    return ratio < limit ? String.format(Locale.ROOT, "short by %.0f%%", (1 - ratio / limit) * 100) : null;
  }

  private static String verdict(boolean met, String budget, String miss) {
    return budget + (met ? ": **met**" : ": **missed**" + (miss != null ? ", " + miss : ""));
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static double min(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

}
