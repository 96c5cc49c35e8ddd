package io.github.geollava.examples.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.geollava.core.safetensors.SafetensorsFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
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
 * Loading a 512 MiB float32 safetensors file (64 tensors of 2048 x 1024, like a stack of 7B-sized
 * projection slices) from the page cache through the memory map. One operation reads every tensor;
 * GB/s = 0.537 GB / (seconds per op).
 *
 * <ul>
 *   <li>{@code readFloats}: every tensor into a Java {@code float[]};
 *   <li>{@code loadNDArray}: every tensor into a PyTorch NDArray (one copy into engine memory), freed
 *       after each tensor;
 *   <li>{@code open}: opening and validating the header alone (per file, not per byte).
 * </ul>
 *
 * <p>{@code java -cp ... org.openjdk.jmh.Main SafetensorsBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dai.djl.offline=true"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class SafetensorsBenchmark {

  static final int TENSORS = 64;
  static final int ROWS = 2048;
  static final int COLS = 1024;

  private Path dir;
  private Path file;
  private SafetensorsFile st;
  private NDManager manager;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("st-bench");
    file = dir.resolve("bench.safetensors");
    long tensorBytes = (long) ROWS * COLS * 4;
    StringBuilder h = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
    for (int i = 0; i < TENSORS; i++) {
      h.append(String.format(",\"layers.%02d.weight\":{\"dtype\":\"F32\",\"shape\":[%d,%d],"
          + "\"data_offsets\":[%d,%d]}", i, ROWS, COLS, i * tensorBytes, (i + 1) * tensorBytes));
    }
    h.append('}');
    while (h.length() % 8 != 0) {
      h.append(' ');
    }
    byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
    Random rnd = new Random(1);
    ByteBuffer chunk = ByteBuffer.allocate((int) tensorBytes).order(ByteOrder.LITTLE_ENDIAN);
    while (chunk.hasRemaining()) {
      chunk.putFloat((float) rnd.nextGaussian());
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
      len.flip();
      ch.write(len);
      ch.write(ByteBuffer.wrap(header));
      for (int i = 0; i < TENSORS; i++) {
        chunk.rewind();
        while (chunk.hasRemaining()) {
          ch.write(chunk);
        }
      }
    }
    try {
      st = SafetensorsFile.open(file);
    } catch (Exception e) {
      throw new IOException(e);
    }
    manager = NDManager.newBaseManager();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    st.close();
    manager.close();
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public double readFloats() {
    double s = 0;
    for (String name : st.names()) {
      float[] v = st.readFloats(name);
      s += v[0] + v[v.length - 1];
    }
    return s;
  }

  @Benchmark
  public double loadNDArray() {
    double s = 0;
    for (String name : st.names()) {
      try (NDManager sub = manager.newSubManager()) {
        NDArray a = st.load(name, sub);
        s += a.getShape().size();
      }
    }
    return s;
  }

  @Benchmark
  public int open() throws Exception {
    try (SafetensorsFile f = SafetensorsFile.open(file)) {
      return f.names().size();
    }
  }
}
