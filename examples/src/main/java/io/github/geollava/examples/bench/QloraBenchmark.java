package io.github.geollava.examples.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.geollava.lora.config.InitLoraWeights;
import io.github.geollava.lora.layer.AdapterSettings;
import io.github.geollava.lora.layer.LoraLinear;
import io.github.geollava.lora.layer.QuantizedLinear;
import io.github.geollava.lora.quant.QuantFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
 * One LoRA linear layer, forward and backward: base 4096 x 4096 (no bias), r = 64, alpha = 128, 512
 * tokens, loss = sum of the outputs. {@code base=dense} keeps the base as a float32 DJL {@link Linear};
 * {@code nf4} stores it NF4 with double quantization and dequantises it inside every forward (the
 * QLoRA path); {@code int8} stores it row-wise int8. Only A and B receive gradients.
 *
 * <p>Memory: the base's real bytes are printed at setup with the resident set after setup; the peak
 * RSS ({@code VmHWM}, reset after setup) is printed at teardown, so peak minus setup RSS is the
 * working memory of the forward/backward passes (the dequantised float copy of a quantized base
 * included). JMH runs every {@code base} in its own fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class QloraBenchmark {

  @Param({"dense", "nf4", "int8"})
  public String base;

  private static final int IN = 4096;
  private static final int OUT = 4096;
  private static final int TOKENS = 512;
  private static final int RANK = 64;

  private NDManager manager;
  private Block layer;
  private NDArray x;

  /** Builds the layer and the input. */
  @Setup(Level.Trial)
  public void setUp() {
    Engine.getInstance().setRandomSeed(7);
    manager = NDManager.newBaseManager();
    Linear lin = Linear.builder().setUnits(OUT).optBias(false).build();
    lin.initialize(manager, DataType.FLOAT32, new Shape(1, IN));
    Block frozen = lin;
    long baseBytes = 4L * IN * OUT;
    if (!"dense".equals(base)) {
      QuantizedLinear q = QuantizedLinear.quantize(lin, QuantFormat.parse(base), 64, true);
      lin.getParameters().get("weight").getArray().close(); // the float copy is gone in QLoRA
      frozen = q;
      baseBytes = q.storageBytes();
    }
    LoraLinear lora = new LoraLinear(frozen);
    lora.addAdapter("default", new AdapterSettings(RANK, 128, 0, false, InitLoraWeights.RANDOM, 1),
        manager);
    layer = lora;
    x = manager.randomNormal(new Shape(TOKENS, IN));
    System.out.printf(Locale.ROOT, "%n[qlora] base=%s base bytes=%d (%.2f MiB, %.3f bits/param)%n",
        base, baseBytes, baseBytes / 1048576.0, 8.0 * baseBytes / ((long) IN * OUT));
    // Drop the setup's Java garbage (quantisation works on heap arrays), print the resident set, then
    // reset the kernel's peak-RSS counter so the teardown peak covers the forward/backward passes only.
    System.gc();
    printStatus("after setup");
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      System.out.println("[qlora] cannot reset VmHWM (" + e.getMessage() + "): peak includes setup");
    }
  }

  private void printStatus(String when) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
          System.out.printf("%n[qlora] base=%s %s %s%n", base, when, line.replaceAll("\\s+", " "));
        }
      }
    } catch (IOException e) {
      System.out.println("[qlora] /proc/self/status unreadable: " + e.getMessage());
    }
  }

  /** Forward and backward of one batch of 512 tokens. */
  @Benchmark
  public float forwardBackward() {
    try (NDManager step = manager.newSubManager()) {
      NDArray xs = x.duplicate();
      xs.attach(step);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray y = layer.forward(new ParameterStore(step, false), new NDList(xs), true)
            .singletonOrThrow();
        NDArray loss = y.sum();
        gc.backward(loss);
        return loss.getFloat();
      }
    }
  }

  /** Prints the peak RSS of this fork and frees the engine memory. */
  @TearDown(Level.Trial)
  public void tearDown() {
    printStatus("after the runs (VmHWM = peak during forward/backward)");
    manager.close();
  }
}
