package io.github.geollava.lora.quant;

import java.util.Arrays;
import java.util.Optional;

/**
 * The accessors shared by {@link Nf4Tensor} and {@link Fp4Tensor}, which differ only in their code
 * table and rounding rule (both chosen by {@link QuantFormat} inside {@link FourBitData}) and in their
 * static factories' return types.
 *
 * <p>Layout: blocks of {@link #blockSize()} consecutive elements of the row-major flattening, one fp32
 * absmax per block, codes of {@code clamp(x * (1 / absmax), -1, 1)}, two codes per byte with the
 * FIRST element in the HIGH nibble. With double quantization the absmax itself is stored as
 * {@link BlockwiseInt8} (8-bit codes of {@code absmax - mean} in groups of 256).
 *
 * <p>Package-private and not a {@link QuantizedTensor} itself, so the public API stays one final class
 * per format; the public methods here are inherited by (and documented on) both subclasses.
 * Immutable; accessors return copies.
 */
abstract sealed class FourBitTensor permits Nf4Tensor, Fp4Tensor {

  private final FourBitData data;

  FourBitTensor(FourBitData data) {
    this.data = data;
  }

  /** The storage format ({@link QuantFormat#NF4} or {@link QuantFormat#FP4}). */
  public QuantFormat format() {
    return data.format;
  }

  /** The logical (dequantised) shape (a copy). */
  public long[] shape() {
    return data.shape.clone();
  }

  /** Elements per absmax block. */
  public int blockSize() {
    return data.blockSize;
  }

  /** The packed codes, {@code (numel + 1) / 2} bytes, first element in the high nibble (a copy). */
  public byte[] packed() {
    return data.packed.clone();
  }

  /** The effective fp32 absmax per block, dequantised when double-quantized (a copy). */
  public float[] absmax() {
    return data.absmax.clone();
  }

  /** The double-quantized absmax, when stored that way. */
  public Optional<BlockwiseInt8> nested() {
    return Optional.ofNullable(data.nested);
  }

  /** The 16-entry code table, index = nibble (a copy). */
  public float[] codeTable() {
    return data.table.clone();
  }

  /** Dequantises into a new row-major float array. */
  public float[] dequantize() {
    return data.dequantize();
  }

  /** Real bytes of the stored representation: packed codes plus (possibly nested) scales. */
  public long storageBytes() {
    return data.storageBytes();
  }

  FourBitData data() {
    return data;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + Arrays.toString(data.shape) + "[blockSize="
        + data.blockSize + ", doubleQuant=" + (data.nested != null) + "]";
  }
}
