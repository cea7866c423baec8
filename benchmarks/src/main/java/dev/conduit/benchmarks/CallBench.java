package dev.conduit.benchmarks;

import dev.conduit.benchmarks.contenders.Contender;
import dev.conduit.benchmarks.server.Payloads;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The throughput figures, against the loopback server named by the system property
 * {@code bench.baseUrl}. One contender per run; {@link Main} runs each in a JVM whose classpath holds
 * only that contender's stack (and JMH). Scores are operations per second; {@code -prof gc} adds
 * {@code gc.alloc.rate.norm}, bytes allocated per operation in every thread of the JVM (the
 * transport's I/O threads included).
 *
 * <p>Each measurement iteration also records the JVM's process CPU time per operation (all threads:
 * caller, I/O, GC, JIT) into the file named by {@code bench.cpuOut}, a figure far less disturbed by
 * other load on the machine than the throughput itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CallBench {
  @Param({"floor"})
  public String contender;

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final LongAdder ops = new LongAdder();
  private long cpuAtStart;
  private Contender client;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String baseUrl = System.getProperty("bench.baseUrl");
    if (baseUrl == null) {
      throw new IllegalStateException("set -Dbench.baseUrl=http://127.0.0.1:<port>/v1");
    }
    client = Contender.create(contender, baseUrl, 0);
    client.chat();
    long n = client.stream();
    if (n != Payloads.STREAM_EVENTS) {
      throw new IllegalStateException(contender + " read " + n + " events, expected " + Payloads.STREAM_EVENTS);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
  }

  @Setup(Level.Iteration)
  public void iterationStart() {
    ops.reset();
    cpuAtStart = OS.getProcessCpuTime();
  }

  @TearDown(Level.Iteration)
  public void iterationEnd(BenchmarkParams benchmark, IterationParams iteration) throws IOException {
    long cpu = OS.getProcessCpuTime() - cpuAtStart;
    String file = System.getProperty("bench.cpuOut");
    long n = ops.sum();
    if (file != null && n > 0 && iteration.getType() == IterationType.MEASUREMENT) {
      String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
      Files.writeString(Path.of(file), method + " " + ((double) cpu / n) + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** Sequential non-streaming chat completions: one thread, one call at a time. */
  @Benchmark
  @Threads(1)
  public Object sequential() throws Exception {
    ops.increment();
    return client.chat();
  }

  /** Non-streaming chat completions from 16 threads sharing one client. */
  @Benchmark
  @Threads(16)
  public Object threads16() throws Exception {
    ops.increment();
    return client.chat();
  }

  /** One 10,000-delta Responses stream per invocation; the score counts events. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(Payloads.STREAM_EVENTS)
  public long stream() throws Exception {
    long n = client.stream();
    if (n != Payloads.STREAM_EVENTS) {
      throw new IllegalStateException(contender + " read " + n + " events, expected " + Payloads.STREAM_EVENTS);
    }
    ops.add(n);
    return n;
  }
}
