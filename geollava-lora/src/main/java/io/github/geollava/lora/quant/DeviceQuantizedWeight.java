package io.github.geollava.lora.quant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.function.Function;

/**
 * A {@link QuantizedTensor} resident on an engine device in its packed form, dequantised on demand:
 * on a GPU with engine ops (4-bit: a (256, 2) pair table gathered by the packed bytes and scaled per
 * block; INT8: convert and scale per row), on the CPU in plain Java (faster there).
 *
 * <p>Owns native memory: close it (or its manager) when done.
 */
public final class DeviceQuantizedWeight implements AutoCloseable {

  private final QuantizedTensor tensor;
  private final NDManager manager;
  private NDArray codes; // 4-bit: uint8 (numel/2); int8: int8 (rows, cols); uploaded lazily
  private NDArray scales; // 4-bit: float32 (blocks); int8: float32 (rows, 1)
  private NDArray pairTable; // 4-bit: float32 (256, 2); int8: null

  /**
   * Prepares {@code tensor} for dequantisation on {@code parent}'s device. On a GPU the packed data is
   * uploaded now (into a sub-manager of {@code parent}); on the CPU the Java arrays are used directly
   * and an engine copy is made only if {@link #dequantizeOnEngine} is called.
   *
   * @param tensor the quantized weight
   * @param parent the manager whose device receives it
   */
  public DeviceQuantizedWeight(QuantizedTensor tensor, NDManager parent) {
    this.tensor = tensor;
    this.manager = parent.newSubManager();
    if (!isCpu()) {
      upload();
    }
  }

  private boolean isCpu() {
    return "cpu".equals(manager.getDevice().getDeviceType());
  }

  private synchronized void upload() {
    if (codes != null) {
      return;
    }
    if (tensor instanceof Int8RowwiseTensor t) {
      codes = manager.create(java.nio.ByteBuffer.wrap(t.data()), new Shape(t.rows(), t.cols()),
          DataType.INT8);
      scales = manager.create(t.scb(), new Shape(t.rows(), 1));
    } else {
      FourBitData d = fourBit(tensor);
      codes = manager.create(java.nio.ByteBuffer.wrap(d.packed), new Shape(d.packed.length),
          DataType.UINT8);
      scales = manager.create(d.absmax.clone(), new Shape(d.absmax.length));
      pairTable = d.pairTable(manager);
    }
  }

  private static FourBitData fourBit(QuantizedTensor t) {
    if (t instanceof Nf4Tensor n) {
      return n.data();
    }
    return ((Fp4Tensor) t).data();
  }

  /** The quantized tensor this was uploaded from. */
  public QuantizedTensor tensor() {
    return tensor;
  }

  /**
   * Dequantises into a new float32 NDArray of the tensor's shape, attached to {@code target}, by the
   * faster method for the device: on the CPU plain Java over the arrays plus one copy into the engine
   * (measured several times faster than the engine gather on this 2-core machine, see
   * {@code Nf4DequantBenchmark}); elsewhere (GPU) engine ops on the resident packed copy.
   *
   * @param target the manager that will own the result (e.g. the forward pass's manager)
   */
  public NDArray dequantize(NDManager target) {
    if (isCpu()) {
      // Dequantise straight into a direct buffer the engine adopts without copying. The tensor then
      // aliases that buffer: keep the NDArray open while autograd may still read it (see
      // QuantizedLinear.forward).
      ByteBuffer buf = ByteBuffer.allocateDirect(Math.toIntExact(tensor.numel() * 4))
          .order(ByteOrder.nativeOrder());
      fill(buf.asFloatBuffer());
      return target.create(buf, new Shape(tensor.shape()), DataType.FLOAT32);
    }
    return dequantizeOnEngine(target);
  }

  // One process-wide scratch buffer for transient dequantised weights (CPU): direct buffers are
  // freed only by the GC, so a fresh 64 MiB one per forward inflates the resident set.
  private static final Object SCRATCH_LOCK = new Object();
  private static ByteBuffer scratch;

  /**
   * Dequantises into a transient weight, applies {@code use} to it and frees it before returning: on
   * the CPU the float copy lives in one process-wide reusable direct buffer (callers are serialised
   * on it; the engine's CPU ops are synchronous), elsewhere it is an engine array. {@code use} must
   * not keep the weight nor anything that refers to it (e.g. an autograd node): use
   * {@link #dequantize(NDManager)} when a gradient flows through the layer's input.
   *
   * @param target the manager of the computation (owner of {@code use}'s results)
   * @param use the computation on the (out, in) float32 weight
   * @return what {@code use} returned
   */
  public NDList withTransientWeight(NDManager target, Function<NDArray, NDList> use) {
    if (!isCpu()) {
      try (NDArray w = dequantizeOnEngine(target)) {
        return use.apply(w);
      }
    }
    int bytes = Math.toIntExact(tensor.numel() * 4);
    synchronized (SCRATCH_LOCK) {
      if (scratch == null || scratch.capacity() < bytes) {
        scratch = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
      }
      ByteBuffer buf = scratch.duplicate().order(ByteOrder.nativeOrder());
      buf.limit(bytes);
      fill(buf.asFloatBuffer());
      try (NDArray w = target.create(buf, new Shape(tensor.shape()), DataType.FLOAT32)) {
        return use.apply(w);
      }
    }
  }

  private void fill(FloatBuffer fb) {
    if (tensor instanceof Int8RowwiseTensor t) {
      t.dequantizeInto(fb);
    } else {
      fourBit(tensor).dequantizeInto(fb);
    }
  }

  /**
   * Dequantises with engine ops only (a (256, 2) pair-table gather and a per-block scale for 4-bit;
   * convert and scale per row for INT8), whatever the device.
   *
   * @param target the manager that will own the result
   */
  public NDArray dequantizeOnEngine(NDManager target) {
    upload();
    NDArray out;
    if (tensor instanceof Int8RowwiseTensor) {
      try (NDArray f = codes.toType(DataType.FLOAT32, false);
          NDArray scaled = f.mul(scales)) {
        out = scaled.mul(Int8RowwiseTensor.inv127());
      }
    } else {
      out = fourBit(tensor).dequantize(codes, scales, pairTable);
    }
    out.attach(target);
    return out;
  }

  /**
   * Bytes held by the engine for the packed form (codes and scales, not the 2 KiB pair table); 0 on
   * the CPU until {@link #dequantizeOnEngine} is first called (the Java arrays serve instead).
   */
  public synchronized long deviceBytes() {
    if (codes == null) {
      return 0;
    }
    return codes.size() * codes.getDataType().getNumOfBytes()
        + scales.size() * scales.getDataType().getNumOfBytes();
  }

  @Override
  public void close() {
    manager.close();
  }
}
