package io.github.geollava.examples.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.geollava.lora.quant.DeviceQuantizedWeight;
import io.github.geollava.lora.quant.Nf4Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * NF4 dequantisation of a 4096 x 4096 weight (block 64, double-quantized scales) against this
 * machine's memory bandwidth, measured in the same run:
 *
 * <ul>
 *   <li>{@code javaDequant}: plain Java over arrays (pair table per block) into a new float[];
 *   <li>{@code engineDequant}: DJL/PyTorch gather over a (256, 2) pair table, then a per-block scale
 *       (the path {@code QuantizedLinear.forward} takes on a GPU);
 *   <li>{@code javaDequantToEngine}: Java dequantisation into a fresh direct buffer the engine adopts
 *       without a copy (the CPU training path when the input needs a gradient);
 *   <li>{@code javaDequantScratch}: the same into a reused scratch buffer, plus the sum of one row so
 *       the weight is read (the CPU path otherwise);
 *   <li>{@code arrayCopy}: {@code System.arraycopy} of a 64 MiB float array into a preallocated one,
 *       the bandwidth yardstick (reads 64 MiB, writes 64 MiB).
 * </ul>
 *
 * <p>GB/s: a dequantisation reads 8 MiB of codes plus scales and writes 64 MiB of floats; divide
 * 72 MiB (75.5 MB) by the time. The copy moves 128 MiB (134 MB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class Nf4DequantBenchmark {

  private static final int N = 4096;

  private Nf4Tensor nf4;
  private NDManager manager;
  private DeviceQuantizedWeight device;
  private float[] src;
  private float[] dst;

  /** Quantizes a seeded Gaussian weight and uploads it. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(5);
    src = new float[N * N];
    for (int i = 0; i < src.length; i++) {
      src[i] = (float) ((r.nextDouble() - 0.5) * 0.04);
    }
    dst = new float[N * N];
    nf4 = Nf4Tensor.quantize(src, new long[] {N, N}, 64, true);
    manager = NDManager.newBaseManager();
    device = new DeviceQuantizedWeight(nf4, manager);
  }

  /** Plain Java dequantisation into a new array. */
  @Benchmark
  public float[] javaDequant() {
    return nf4.dequantize();
  }

  /** Engine dequantisation (pair-table gather), result freed after the call. */
  @Benchmark
  public float engineDequant() {
    try (NDManager m = manager.newSubManager()) {
      NDArray w = device.dequantizeOnEngine(m);
      return w.getShape().size();
    }
  }

  /** Java dequantisation plus the copy into an engine NDArray (the CPU forward path). */
  @Benchmark
  public float javaDequantToEngine() {
    try (NDManager m = manager.newSubManager()) {
      NDArray w = device.dequantize(m);
      return w.getShape().size();
    }
  }

  /** Java dequantisation into the reused scratch buffer (the CPU inference forward path). */
  @Benchmark
  public float javaDequantScratch() {
    try (NDManager m = manager.newSubManager()) {
      return device.withTransientWeight(m, w -> new ai.djl.ndarray.NDList(w.get(0).sum()))
          .singletonOrThrow().getFloat();
    }
  }

  /** Memory-bandwidth yardstick: copy 64 MiB of floats. */
  @Benchmark
  public float[] arrayCopy() {
    System.arraycopy(src, 0, dst, 0, src.length);
    return dst;
  }

  /** Frees the engine memory. */
  @TearDown(Level.Trial)
  public void tearDown() {
    device.close();
    manager.close();
  }
}
