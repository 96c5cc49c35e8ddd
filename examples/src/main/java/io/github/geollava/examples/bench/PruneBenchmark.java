package io.github.geollava.examples.bench;

import io.github.geollava.prune.select.PruneCount;
import io.github.geollava.prune.select.Scope;
import io.github.geollava.prune.select.StreamingSelector;
import io.github.geollava.prune.select.WeightSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time and peak heap to prune a LLaMA-7B-shaped set of weights: 32 decoder layers x (q, k, v, o:
 * 4096x4096; gate, up: 11008x4096; down: 4096x11008) = 224 tensors, 6,476,005,376 weights, never more
 * than {@code parallelism} tensors in memory (the largest is 45M floats, 180 MB).
 *
 * <p>Each tensor's weights are generated on the fly, deterministically, from a counter-based hash of
 * (tensor, index) (a SplitMix64 finaliser, then a sum of two uniforms scaled by 0.02, so magnitudes
 * repeat rarely and ties are exercised only at float resolution). Generation is part of every read,
 * so {@code generateOnly} measures it alone: subtract it once from {@code perLayer} and three times
 * from {@code global} (global reads each tensor three times: top-bits histogram, low-bits histogram,
 * masks).
 *
 * <p>After each iteration the benchmark prints the peak Java heap (sum of the heap pools' peaks, reset
 * before the iteration) and the process CPU time (on a shared machine wall time depends on the
 * neighbours, CPU time much less), and checks the exact count: {@code round(0.1 n_i)} summed over the
 * tensors per layer, {@code round(0.1 n)} globally. The fork runs
 * with {@code -Xmx2g}: the whole 7B selection fits in that.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class PruneBenchmark {

  /** Decoder layers of LLaMA-7B. */
  static final int LAYERS = 32;
  /** Hidden size. */
  static final int HIDDEN = 4096;
  /** MLP width. */
  static final int INTERMEDIATE = 11008;
  /** The sparsity pruned (the paper's larger setting). */
  static final double SPARSITY = 0.10;

  /** Tensors selected at once (the machine has 2 cores). */
  @Param({"2"})
  public int parallelism;

  private Llama7bWeights source;
  private long lastPruned;
  private long lastExpected;
  private long cpuStartNanos;

  /** Builds the source. */
  @Setup(Level.Trial)
  public void setUp() {
    source = new Llama7bWeights();
  }

  /** Resets the heap peaks before each timed iteration. */
  @Setup(Level.Iteration)
  public void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    cpuStartNanos = processCpuNanos();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Prints the peak heap of the iteration and checks the count. */
  @TearDown(Level.Iteration)
  public void report() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    double cpu = (processCpuNanos() - cpuStartNanos) / 1e9;
    long n = source.totalWeights();
    System.out.printf(Locale.ROOT, "%n  peak heap %.0f MiB; process CPU %.1f s; %d weights, pruned %d%n",
        peak / 1048576.0, cpu, n, lastPruned);
    if (lastPruned != lastExpected) {
      throw new IllegalStateException("pruned " + lastPruned + ", expected " + lastExpected);
    }
  }

  /** round(0.1 n) per tensor. */
  @Benchmark
  public long perLayer() {
    return run(Scope.LAYER);
  }

  /** round(0.1 n) over all 224 tensors. */
  @Benchmark
  public long global() {
    return run(Scope.GLOBAL);
  }

  /** One generation pass over all tensors, without selection: the cost to subtract. */
  @Benchmark
  public long generateOnly() {
    lastPruned = 0;
    lastExpected = 0;
    AtomicLong sum = new AtomicLong();
    java.util.stream.IntStream.range(0, source.tensorCount()).parallel().forEach(i -> {
      float[] w = source.weights(i);
      sum.addAndGet(Float.floatToRawIntBits(w[w.length - 1]));
    });
    return sum.get();
  }

  private long run(Scope scope) {
    AtomicLong zeros = new AtomicLong();
    StreamingSelector.Result r = new StreamingSelector(scope, SPARSITY, parallelism)
        .select(source, (i, mask, pruned) -> zeros.addAndGet(pruned));
    lastPruned = zeros.get();
    // Per layer: the sum of round(0.1 n_i) over tensors; global: round(0.1 sum(n_i)).
    long expected = 0;
    if (scope == Scope.LAYER) {
      for (int i = 0; i < source.tensorCount(); i++) {
        expected += PruneCount.of(SPARSITY, Llama7bWeights.size(i));
      }
    } else {
      expected = PruneCount.of(SPARSITY, source.totalWeights());
    }
    lastExpected = expected;
    return r.pruned();
  }

  /** The 224 LLaMA-7B decoder weights, generated on each read into a per-thread buffer. */
  static final class Llama7bWeights implements WeightSource {
    private static final String[] NAMES = {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj",
        "down_proj"};
    private final ThreadLocal<float[][]> buffers = ThreadLocal.withInitial(() -> new float[2][]);

    @Override
    public int tensorCount() {
      return LAYERS * NAMES.length;
    }

    @Override
    public String name(int index) {
      return "model.layers." + index / NAMES.length + "." + (index % NAMES.length < 4 ? "self_attn." : "mlp.")
          + NAMES[index % NAMES.length];
    }

    static int size(int index) {
      return index % NAMES.length < 4 ? HIDDEN * HIDDEN : HIDDEN * INTERMEDIATE;
    }

    long totalWeights() {
      long n = 0;
      for (int i = 0; i < tensorCount(); i++) {
        n += size(i);
      }
      return n;
    }

    @Override
    public float[] weights(int index) {
      int n = size(index);
      float[][] pool = buffers.get();
      int slot = n == HIDDEN * HIDDEN ? 0 : 1;
      if (pool[slot] == null) {
        pool[slot] = new float[n];
      }
      float[] w = pool[slot];
      long base = (long) index << 36;
      for (int j = 0; j < n; j++) {
        long z = base + j;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        // Two 24-bit uniforms in [-0.5, 0.5): a triangular, zero-centred distribution.
        float u1 = ((int) (z >>> 40) - (1 << 23)) * 0x1p-24f;
        float u2 = (((int) z & 0xffffff) - (1 << 23)) * 0x1p-24f;
        w[j] = (u1 + u2) * 0.02f;
      }
      return w;
    }
  }
}
