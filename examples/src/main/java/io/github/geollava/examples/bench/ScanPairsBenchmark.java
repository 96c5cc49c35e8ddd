package io.github.geollava.examples.bench;

import io.github.geollava.dataset.fmow.FmowScanner;
import io.github.geollava.dataset.pairs.PairingReport;
import io.github.geollava.dataset.pairs.TemporalPairBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * Scans and pairs a generated fMoW tree of {@code files} metadata files (5 images per location, 20
 * categories, about 1 KB of realistic JSON each; image files are 1-byte stand-ins because the scanner
 * only stats them). One operation = {@link FmowScanner} plus {@link TemporalPairBuilder#pairAll}
 * over the whole tree with the page cache warm; files/s = files / (seconds per op).
 *
 * <p>After each operation the benchmark prints the benchmark thread's CPU time (files per CPU-second
 * is the fair figure when the machine is shared) and the peak heap use during it (sum of the heap
 * pools' peak usage, reset before the operation) and the old generation's use after the last GC.
 * Running with a small fixed heap ({@code -jvmArgs -Xmx64m}) and two sizes shows whether memory grows
 * with the number of files:
 * {@code java -cp ... org.openjdk.jmh.Main ScanPairsBenchmark -f 1 -wi 2 -i 3 -jvmArgs -Xmx64m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ScanPairsBenchmark {

  /** Number of metadata files in the generated tree. */
  @Param({"20000", "100000"})
  public int files;

  private static final int PER_LOCATION = 5;
  private static final int CATEGORIES = 20;

  private Path root;
  private FmowScanner scanner;
  private TemporalPairBuilder pairs;
  private long pairCount;
  private long cpuNanos;

  /** Generates the tree once per trial. */
  @Setup(Level.Trial)
  public void generate() throws IOException {
    root = Files.createTempDirectory("geollava-scanbench");
    int locations = files / PER_LOCATION;
    byte[] jpg = {(byte) 0xff};
    for (int l = 0; l < locations; l++) {
      String category = "category_" + (l % CATEGORIES);
      String location = category + "_" + (l / CATEGORIES);
      Path dir = Files.createDirectories(root.resolve("train").resolve(category).resolve(location));
      for (int n = 0; n < PER_LOCATION; n++) {
        String stem = location + "_" + n;
        // capture years shuffled against <n>, as in fMoW; months vary so some gaps fall short
        int year = 2010 + (n * 3 + l) % PER_LOCATION * 2;
        int month = 1 + (l * 7 + n * 5) % 12;
        String ts = String.format(Locale.ROOT, "%d-%02d-15T10:%02d:37.%03dZ", year, month, n, l % 1000);
        Files.write(dir.resolve(stem + "_rgb.json"), metadata(stem, category, ts, l, n));
        Files.write(dir.resolve(stem + "_rgb.jpg"), jpg);
      }
    }
    scanner = FmowScanner.builder().root(root).split("train").build();
    pairs = TemporalPairBuilder.builder().build();
  }

  private static byte[] metadata(String stem, String category, String ts, int l, int n) {
    String json = "{\n"
        + "  \"gsd\": " + (0.3 + (l % 10) * 0.05) + ",\n"
        + "  \"img_width\": " + (2000 + l % 900) + ",\n"
        + "  \"img_height\": " + (1800 + n * 37) + ",\n"
        + "  \"cloud_cover\": " + (l % 17) + ",\n"
        + "  \"img_filename\": \"" + stem + "_rgb.jpg\",\n"
        + "  \"country_code\": \"USA\",\n"
        + "  \"utm\": \"15R\",\n"
        + "  \"scan_direction\": \"" + (n % 2 == 0 ? "Forward" : "Reverse") + "\",\n"
        + "  \"timestamp\": \"" + ts + "\",\n"
        + "  \"abs_cal_factor_blue\": 0.01260498, \"abs_cal_factor_green\": 0.009713071,\n"
        + "  \"abs_cal_factor_red\": 0.01103623, \"mean_pixel_height\": 0.56,\n"
        + "  \"mean_pixel_width\": 0.558, \"off_nadir_angle_dbl\": 21.3,\n"
        + "  \"pan_resolution_dbl\": 0.561, \"sun_azimuth_dbl\": 141.3,\n"
        + "  \"sun_elevation_dbl\": 64.2, \"target_azimuth_dbl\": 273.4,\n"
        + "  \"catalog_id\": \"1030010042A9B200\", \"sensor_platform_name\": \"WORLDVIEW02\",\n"
        + "  \"approximate_wavelengths\": [0.48, 0.545, 0.66],\n"
        + "  \"bounding_boxes\": [{\"ID\": " + (l * 10 + n) + ", \"box\": [812, 733, 401, 366],"
        + " \"category\": \"" + category + "\", \"visible\": true}]\n"
        + "}\n";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Resets the heap pools' peak counters so each operation reports its own peak. */
  @Setup(Level.Invocation)
  public void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Scans the tree and pairs it, streaming. */
  @Benchmark
  public long scanAndPair() throws IOException {
    LongAdder n = new LongAdder();
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    PairingReport r = pairs.pairAll(scanner, p -> n.increment());
    cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    if (r.scan().images() != files) {
      throw new IllegalStateException("expected " + files + " images, scanned " + r.scan().images());
    }
    pairCount = n.sum();
    return pairCount;
  }

  /** Prints the heap figures of the operation that just ran. */
  @TearDown(Level.Invocation)
  public void reportHeap() {
    long peak = 0;
    long oldAfterGc = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
        if (p.getCollectionUsage() != null && p.getName().matches("(?i).*(old|tenured).*")) {
          oldAfterGc = Math.max(oldAfterGc, p.getCollectionUsage().getUsed());
        }
      }
    }
    // CPU time of the benchmark thread: on a shared, overloaded machine wall time mostly measures
    // the queue for a core, so files per CPU-second is reported next to it.
    System.out.printf(Locale.ROOT, "%n[scan] files=%d pairs=%d cpu=%.0f ms (%.0f files per cpu-s)"
            + " peakHeapUsed=%.1f MiB oldGenAfterLastGc=%.1f MiB%n",
        files, pairCount, cpuNanos / 1e6, files / (cpuNanos / 1e9), peak / 1048576.0,
        oldAfterGc / 1048576.0);
  }

  /** Deletes the generated tree. */
  @TearDown(Level.Trial)
  public void delete() throws IOException {
    // Post-order walk: deletes as it goes, never holding the 200,000 paths (the run uses -Xmx64m).
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
