package dev.conduit.benchmarks;

import dev.conduit.benchmarks.contenders.Contender;
import dev.conduit.benchmarks.server.Payloads;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every figure for every contender, each contender in JVMs of its own with only its own stack on
 * the classpath, against one {@link dev.conduit.benchmarks.server.LoopbackServer} process, and prints
 * one Markdown table. Started by {@code benchmarks/run.sh}; see {@code docs/benchmarks.md}.
 *
 * <p>Rounds: every round runs each contender once, in an order rotated from round to round, so
 * that drift in the machine's load hits all contenders alike; ratios are taken within a round and
 * then summarised as min / median / max over the rounds.
 */
public final class Main {
  private static final List<String> FIGURES = List.of("jars", "startup", "jmh", "async");

  private final Path stacksSource;
  private final Path classesSource;
  private final Path out;
  /** The run's private copies of the harness classes and every stack's jars, and its logs. */
  private Path work;
  private Path classes;
  private final Map<String, List<String>> stacks = new LinkedHashMap<>();
  private final List<String> contenders;
  private final int rounds;
  private final int startupRuns;
  private final String warmup;
  private final String measure;
  private final int streams;
  private final int serverThreads;
  private final List<String> figures;
  private final boolean jfr;
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final String clientHeap;

  /** figure -> contender -> values, one per round (or run), in round order. */
  private final Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private String baseUrl;

  private Main(Map<String, String> o) {
    Path root = Path.of(o.getOrDefault("root", "benchmarks"));
    stacksSource = Path.of(o.getOrDefault("stacks", root.resolve("target/stacks").toString()));
    classesSource = Path.of(o.getOrDefault("classes", root.resolve("target/classes").toString()));
    out = Path.of(o.getOrDefault("out", root.resolve("target/benchmarks").toString()));
    contenders = Arrays.asList(o.getOrDefault("contenders", String.join(",", Contender.ALL)).split(","));
    rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    startupRuns = Integer.parseInt(o.getOrDefault("startup-runs", "7"));
    warmup = o.getOrDefault("warmup", "3x2s");
    measure = o.getOrDefault("measure", "3x2s");
    streams = Integer.parseInt(o.getOrDefault("streams", "2000"));
    serverThreads = Integer.parseInt(o.getOrDefault("server-threads", "1"));
    figures = Arrays.asList(o.getOrDefault("figures", String.join(",", FIGURES)).split(","));
    jfr = o.containsKey("jfr");
    clientHeap = o.getOrDefault("heap", "1g");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println("options: --rounds=3 --startup-runs=7 --warmup=3x2s --measure=3x2s --streams=2000"
            + " --contenders=" + String.join(",", Contender.ALL) + " --figures=" + String.join(",", FIGURES)
            + " --server-threads=1 --heap=1g --jfr --out=benchmarks/target/benchmarks");
        return;
      }
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      int eq = a.indexOf('=');
      o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
    }
    new Main(o).run();
  }

  private void run() throws Exception {
    work = Files.createTempDirectory("conduit-bench-");
    Files.createDirectories(work.resolve("logs"));
    snapshot();
    String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    String loadBefore = loadAverage();
    long t0 = System.nanoTime();
    Process server = startServer();
    try {
      if (figures.contains("jars")) {
        jars();
      }
      if (figures.contains("startup")) {
        startup();
      }
      if (figures.contains("jmh")) {
        jmh();
      }
      if (figures.contains("async")) {
        async();
      }
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(5, TimeUnit.SECONDS)) {
        server.destroy();
      }
    }
    long minutes = TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - t0);
    StringBuilder md = new StringBuilder();
    md.append(machine(started, loadBefore, loadAverage(), minutes)).append('\n');
    md.append(new ResultsTable(results, contenders, streams).render()).append('\n');
    for (String n : notes) {
      md.append("- ").append(n).append('\n');
    }
    Files.writeString(work.resolve("results.md"), md.toString());
    Files.createDirectories(out);
    copyTree(work, out, p -> !p.startsWith(work.resolve("lib")) && !p.startsWith(work.resolve("classes")));
    deleteTree(work);
    System.out.println();
    System.out.println(md);
    System.out.println("(also written to " + out.resolve("results.md") + "; JMH output and logs in " + out + ")");
  }

  /**
   * Copies the harness classes and every stack's jars into the run's private directory first, so that
   * builds and installs running on the machine meanwhile (a reactor build recompiles
   * benchmarks/target/classes, an install replaces the SNAPSHOT jars in ~/.m2) cannot change what is
   * measured halfway through.
   */
  private void snapshot() throws IOException {
    classes = work.resolve("classes");
    copyTree(classesSource, classes, p -> true);
    if (!Files.exists(classes.resolve("META-INF/BenchmarkList"))) {
      throw new IllegalStateException("no JMH benchmarks in " + classesSource + "; build the benchmarks module first");
    }
    List<String> names = new ArrayList<>(List.of("harness"));
    for (String c : contenders) {
      if (!base(c).equals("floor") && !names.contains(base(c))) {
        names.add(base(c));
      }
    }
    for (String name : names) {
      Path f = stacksSource.resolve(name + ".cp");
      if (!Files.exists(f)) {
        throw new IllegalStateException("no classpath file " + f + "; run benchmarks/run.sh, which resolves the stacks");
      }
      String s = Files.readString(f).trim();
      List<String> copies = new ArrayList<>();
      Path dir = Files.createDirectories(work.resolve("lib").resolve(name));
      int i = 0;
      for (String jar : s.isEmpty() ? new String[0] : s.split(File.pathSeparator)) {
        Path to = dir.resolve((i++) + "-" + Path.of(jar).getFileName());
        Files.copy(Path.of(jar), to);
        copies.add(to.toString());
      }
      stacks.put(name, copies);
    }
  }

  private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> filter) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (!filter.test(p)) {
          continue;
        }
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  // ---------------------------------------------------------------- server

  private Process startServer() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", "-cp",
        classes.toString(), "dev.conduit.benchmarks.server.LoopbackServer", "0", String.valueOf(serverThreads));
    pb.redirectError(work.resolve("logs/server.err").toFile());
    Process p = pb.start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    if (line == null || !line.startsWith("LISTENING ")) {
      throw new IllegalStateException("server did not start: " + line);
    }
    baseUrl = "http://127.0.0.1:" + line.substring("LISTENING ".length()).trim() + "/v1";
    log("loopback server at " + baseUrl + " (" + serverThreads + " selector thread(s), separate JVM)");
    return p;
  }

  // ---------------------------------------------------------------- jars

  private void jars() throws IOException {
    for (String c : contenders) {
      List<String> cp = stack(c);
      long bytes = 0;
      for (String jar : cp) {
        bytes += Files.size(Path.of(jar));
      }
      put("jars", c, cp.size());
      put("jarBytes", c, bytes);
      log(String.format(Locale.ROOT, "%-15s %2d jars %,d bytes", c, cp.size(), bytes));
    }
  }

  /**
   * What-if variants: {@code <contender>+<variant>} runs the contender's stack with extra JVM flags,
   * to measure the effect of a proposed fix side by side (never part of the default run).
   */
  private static final Map<String, String> VARIANTS = Map.of(
      "fjp2", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2");

  private static String base(String contender) {
    int plus = contender.indexOf('+');
    return plus < 0 ? contender : contender.substring(0, plus);
  }

  private static List<String> variantFlags(String contender) {
    int plus = contender.indexOf('+');
    if (plus < 0) {
      return List.of();
    }
    String flags = VARIANTS.get(contender.substring(plus + 1));
    if (flags == null) {
      throw new IllegalArgumentException("unknown variant in " + contender + "; known: " + VARIANTS.keySet());
    }
    return Arrays.asList(flags.split(" "));
  }

  private List<String> stack(String contender) {
    contender = base(contender);
    return contender.equals("floor") ? List.of() : stacks.get(contender);
  }

  private String classpath(String contender, boolean harness) throws IOException {
    List<String> cp = new ArrayList<>();
    cp.add(classes.toString());
    if (harness) {
      cp.addAll(stack("harness"));
    }
    cp.addAll(stack(contender));
    return String.join(File.pathSeparator, cp);
  }

  // ---------------------------------------------------------------- start-up

  private void startup() throws Exception {
    for (String c : contenders) {
      startupOnce(c); // untimed: fills the page cache with this stack's jars
    }
    for (int run = 0; run < startupRuns; run++) {
      for (String c : rotated(run)) {
        double ms = startupOnce(c);
        put("startup", c, ms);
        log(String.format(Locale.ROOT, "start-up run %d/%d %-15s %6.0f ms", run + 1, startupRuns, c, ms));
      }
    }
  }

  private double startupOnce(String c) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(javaBin));
    cmd.addAll(variantFlags(c));
    cmd.addAll(List.of("-cp", classpath(c, false), "dev.conduit.benchmarks.StartupProbe", base(c), baseUrl));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(work.resolve("logs/startup-" + c + ".err").toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.equals("ANSWERED")) {
          double ms = (System.nanoTime() - t0) / 1e6;
          p.waitFor();
          return ms;
        }
      }
    }
    p.waitFor();
    throw new IllegalStateException(c + ": start-up probe failed, see " + work.resolve("logs/startup-" + c + ".err"));
  }

  // ---------------------------------------------------------------- JMH

  /** The JMH benchmarks: method name -> (figure, allocation figure). */
  private static final Map<String, String[]> BENCHMARKS = new LinkedHashMap<>();

  static {
    BENCHMARKS.put("sequential", new String[] {"sequential", "allocCall", "cpuCall"});
    BENCHMARKS.put("threads16", new String[] {"threads16", null, "cpuCall16"});
    BENCHMARKS.put("stream", new String[] {"stream", "allocEvent", "cpuEvent"});
  }

  /**
   * Runs each benchmark method for each contender in a JMH run of its own; within a round all
   * contenders run one benchmark back to back, so that the ratios compare runs minutes apart at most.
   */
  private void jmh() throws Exception {
    String[] w = warmup.split("x");
    String[] m = measure.split("x");
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, String[]> b : BENCHMARKS.entrySet()) {
        String method = b.getKey();
        for (String c : rotated(round)) {
          String id = c + "-" + method + "-" + (round + 1);
          Path csv = work.resolve("jmh-" + id + ".csv");
          Path cpuFile = work.resolve("cpu-" + id + ".txt");
          Files.deleteIfExists(cpuFile);
          List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx256m", "-Duser.language=en", "-Duser.country=US",
              "-cp", classpath(c, true), "org.openjdk.jmh.Main", CallBench.class.getName() + "." + method + "$",
              "-p", "contender=" + base(c), "-f", "1", "-wi", w[0], "-w", w[1], "-i", m[0], "-r", m[1],
              "-prof", "gc", "-rf", "csv", "-rff", csv.toString(),
              "-jvmArgsAppend", String.join(" ", variantFlags(c)) + " -Xms" + clientHeap + " -Xmx" + clientHeap
                  + " -Dbench.baseUrl=" + baseUrl + " -Dbench.cpuOut=" + cpuFile));
          if (jfr) {
            cmd.addAll(List.of("-prof", "jfr:dir=" + work.resolve("jfr/" + c)));
          }
          Map<String, Double> scores = null;
          for (int attempt = 1; scores == null; attempt++) {
            Files.deleteIfExists(cpuFile);
            Path log = work.resolve("logs/jmh-" + id + (attempt > 1 ? "-attempt" + attempt : "") + ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.redirectErrorStream(true);
            pb.redirectOutput(log.toFile());
            int code = pb.start().waitFor();
            Map<String, Double> s = code == 0 && Files.exists(csv) ? readCsv(csv) : Map.of();
            if (s.containsKey(method)) {
              scores = s;
            } else if (attempt < 2) {
              // A failed iteration (an I/O error in the client under test) yields no score; one retry, noted.
              notes.add(String.format(Locale.ROOT, "JMH round %d, %s, %s failed once and was run again; see %s",
                  round + 1, method, c, out.resolve("logs").resolve(log.getFileName())));
              log("  " + c + " " + method + " failed; running it again (see " + log + ")");
            } else {
              throw new IllegalStateException("JMH failed twice for " + c + " " + method + "; see " + log);
            }
          }
          double score = need(scores, method, c);
          double alloc = need(scores, method + ":gc.alloc.rate.norm", c);
          put(b.getValue()[0], c, score);
          if (b.getValue()[1] != null) {
            put(b.getValue()[1], c, alloc);
          }
          double cpuNs = Double.NaN;
          if (Files.exists(cpuFile)) {
            cpuNs = Files.readAllLines(cpuFile).stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .average().orElse(Double.NaN);
            put(b.getValue()[2], c, cpuNs / 1000);
          }
          log(String.format(Locale.ROOT, "JMH round %d/%d %-10s %-15s %,12.0f ops/s %,10.0f B/op %,9.1f µs CPU/op",
              round + 1, rounds, method, c, score, alloc, cpuNs / 1000));
        }
      }
    }
  }

  private static double need(Map<String, Double> scores, String key, String c) {
    Double v = scores.get(key);
    if (v == null) {
      throw new IllegalStateException("JMH output for " + c + " lacks " + key + ": " + scores.keySet());
    }
    return v;
  }

  /** Reads JMH's CSV: benchmark method (with ":secondary" suffix) -> score. */
  private static Map<String, Double> readCsv(Path csv) throws IOException {
    Map<String, Double> m = new TreeMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = csvFields(line);
      String name = f.get(0);
      name = name.substring(CallBench.class.getName().length() + 1);
      m.put(name, Double.parseDouble(f.get(4)));
    }
    return m;
  }

  private static List<String> csvFields(String line) {
    List<String> f = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        f.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    f.add(cur.toString());
    return f;
  }

  // ---------------------------------------------------------------- async

  private static final Pattern ASYNC = Pattern.compile("ASYNC inFlight=(\\d+) threads=(\\d+) peakThreads=(\\d+) "
      + "baseline=(\\d+) completed=(\\d+) errors=(\\d+) events=(\\d+) expectedEvents=(\\d+) openMillis=(\\d+)");

  private void async() throws Exception {
    for (int round = 0; round < rounds; round++) {
      for (String c : rotated(round)) {
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xms" + clientHeap, "-Xmx" + clientHeap));
        cmd.addAll(variantFlags(c));
        cmd.addAll(List.of("-cp", classpath(c, false), "dev.conduit.benchmarks.AsyncProbe", base(c), baseUrl,
            String.valueOf(streams), "5"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path log = work.resolve("logs/async-" + c + "-" + (round + 1) + ".log");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
        Matcher mt = null;
        for (String line : Files.readAllLines(log)) {
          Matcher x = ASYNC.matcher(line);
          if (x.find()) {
            mt = x;
          }
        }
        if (mt == null) {
          throw new IllegalStateException("async probe failed for " + c + "; see " + log);
        }
        int inFlight = Integer.parseInt(mt.group(1));
        int threads = Integer.parseInt(mt.group(2));
        int peak = Integer.parseInt(mt.group(3));
        int errors = Integer.parseInt(mt.group(6));
        put("asyncInFlight", c, inFlight);
        put("asyncThreads", c, threads);
        put("asyncPeak", c, peak);
        if (errors > 0 || Integer.parseInt(mt.group(5)) != streams
            || !mt.group(7).equals(mt.group(8))) {
          notes.add(String.format(Locale.ROOT, "async round %d, %s: %s (see %s)", round + 1, c, mt.group(), log));
        }
        log(String.format(Locale.ROOT, "async round %d/%d %-15s %s", round + 1, rounds, c, mt.group()));
      }
    }
  }

  // ---------------------------------------------------------------- the table

  private void put(String figure, String contender, double v) {
    results.computeIfAbsent(figure, k -> new LinkedHashMap<>()).computeIfAbsent(contender, k -> new ArrayList<>()).add(v);
  }

  private List<String> rotated(int round) {
    List<String> l = new ArrayList<>(contenders);
    Collections.rotate(l, -(round % Math.max(1, l.size())));
    return l;
  }

  private String machine(String started, String loadBefore, String loadAfter, long minutes) {
    Runtime rt = Runtime.getRuntime();
    return String.format(Locale.ROOT, "Run %s, %d min. Machine: %s, %d cores (nproc), %s RAM, %s %s; load average %s before, %s after.%n"
            + "Configuration: %d round(s); start-up %d runs per contender; JMH 1 fork, warm-up %s, measurement %s, -prof gc,"
            + " client heap -Xms%s -Xmx%s; async %,d streams; server: 1 separate JVM, %d selector thread(s), 10,000-delta stream = %,d bytes.%n",
        started, minutes, cpuModel(), rt.availableProcessors(), memTotal(), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), loadBefore, loadAfter, rounds, startupRuns, warmup, measure,
        clientHeap, clientHeap, streams, serverThreads, Payloads.streamBytes());
  }

  private static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException ignored) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static String memTotal() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException ignored) {
      // not Linux
    }
    return "?";
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + "/" + f[1] + "/" + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void log(String s) {
    System.out.println("[bench] " + s);
    System.out.flush();
  }
}
