package io.github.geollava.examples.bench;

import io.github.geollava.dataset.synth.SynthSummary;
import io.github.geollava.dataset.synth.SyntheticFmow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The synthetic mini-fMoW generator end to end: {@code locations} locations at {@code size} px with
 * {@code threads} rendering threads; one operation = {@link SyntheticFmow#generate()} into a fresh
 * folder (scene simulation, rendering, JPEG encoding, fMoW JSON, scan-back with the real scanner,
 * pairing, captions and annotation files; no contact sheet). With the seed fixed, every operation
 * writes the same number of images (printed at setup), so images/s = images / (seconds per op); the
 * benchmark also prints images/s per operation.
 *
 * <p>{@code java -cp ... org.openjdk.jmh.Main SynthBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SynthBenchmark {

  /** Number of locations (2 to 6 images each). */
  @Param({"56"})
  public int locations;

  /** Image size in pixels. */
  @Param({"224"})
  public int size;

  /** Rendering threads. */
  @Param({"1", "2"})
  public int threads;

  private Path base;
  private Path out;
  private int run;

  /** Creates the working folder and reports the images per operation. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    base = Files.createTempDirectory("synth-bench");
    SynthSummary s = generator(base.resolve("probe")).generate();
    System.out.printf(Locale.ROOT, "%n[synth] %d images per operation%n", s.images());
    delete(base.resolve("probe"));
  }

  private SyntheticFmow generator(Path dir) {
    return SyntheticFmow.builder().locations(locations).imageSize(size).seed(7).threads(threads)
        .contactSheetPairs(0).outputDir(dir).build();
  }

  /** A fresh output folder per operation. */
  @Setup(Level.Invocation)
  public void freshFolder() {
    out = base.resolve("run" + run++);
  }

  /**
   * Generates the dataset.
   *
   * @return the summary (consumed by JMH)
   * @throws IOException when writing fails
   */
  @Benchmark
  public SynthSummary generate() throws IOException {
    long cpu0 = processCpuNanos();
    SynthSummary s = generator(out).generate();
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    // Images per CPU-second is the fair figure on a shared machine; wall images/s is the JMH score.
    System.out.printf(Locale.ROOT, "[synth] %d images in %d ms: %.0f images/s wall, %.0f images per"
        + " CPU-second%n", s.images(), s.millis(), s.images() * 1000.0 / Math.max(1, s.millis()),
        cpuSeconds > 0 ? s.images() / cpuSeconds : Double.NaN);
    return s;
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Removes the operation's output. */
  @TearDown(Level.Invocation)
  public void cleanOperation() throws IOException {
    delete(out);
  }

  /** Removes the working folder. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    delete(base);
  }

  private static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
