package io.github.geollava.lora.quant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * An immutable quantized weight: packed codes plus the scales that restore them. Implementations are
 * one final class per format, each holding bitsandbytes' exact layout so it can be written and read
 * back without re-quantizing.
 */
public sealed interface QuantizedTensor permits Nf4Tensor, Fp4Tensor, Int8RowwiseTensor {

  /** The storage format. */
  QuantFormat format();

  /** The logical (dequantised) shape, e.g. {@code (out, in)} for a linear weight. */
  long[] shape();

  /** Number of logical elements. */
  default long numel() {
    long n = 1;
    for (long d : shape()) {
      n *= d;
    }
    return n;
  }

  /** Dequantises into a new row-major float array. */
  float[] dequantize();

  /**
   * Dequantises into a new float32 NDArray of {@link #shape()} on {@code manager}'s device (plain
   * Java over arrays, then one copy into the engine).
   */
  default NDArray dequantize(NDManager manager) {
    return manager.create(dequantize(), new Shape(shape()));
  }

  /** Real bytes of the stored representation: codes, scales and nested scales (tables excluded). */
  long storageBytes();

  /** Stored bits per logical parameter ({@code 8 * storageBytes() / numel()}). */
  default double bitsPerParameter() {
    return 8.0 * storageBytes() / numel();
  }
}
