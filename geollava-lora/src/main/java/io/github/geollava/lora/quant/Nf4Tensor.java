package io.github.geollava.lora.quant;

import java.util.Optional;

/**
 * A weight stored as bitsandbytes NF4. 4-bit NormalFloat (QLoRA's NF4): 16 quantiles of N(0, 1) scaled to [-1, 1], with exact zero.
 *
 * <p>Layout: blocks of {@link #blockSize()} consecutive elements of the row-major flattening, one fp32
 * absmax per block, codes of {@code clamp(x * (1 / absmax), -1, 1)}, two codes per byte with the
 * FIRST element in the HIGH nibble. With double quantization the absmax itself is stored as
 * {@link BlockwiseInt8} (8-bit codes of {@code absmax - mean} in groups of 256).
 *
 * <p>Immutable; accessors return copies.
 */
public final class Nf4Tensor implements QuantizedTensor {

  /** bitsandbytes' default block size for 4-bit weights. */
  public static final int DEFAULT_BLOCK_SIZE = 64;

  private final FourBitData data;

  private Nf4Tensor(FourBitData data) {
    this.data = data;
  }

  /**
   * Quantizes a row-major float array with bitsandbytes' numerics.
   *
   * @param values the weights, row-major
   * @param shape their logical shape
   * @param blockSize a power of two from 32 to 4096
   * @param doubleQuant whether to store the absmax double-quantized (QLoRA's "double quant")
   */
  public static Nf4Tensor quantize(float[] values, long[] shape, int blockSize, boolean doubleQuant) {
    return new Nf4Tensor(FourBitData.quantize(QuantFormat.NF4, values, shape, blockSize, doubleQuant));
  }

  /** Quantizes with the default block size (64), without double quantization. */
  public static Nf4Tensor quantize(float[] values, long... shape) {
    return quantize(values, shape, DEFAULT_BLOCK_SIZE, false);
  }

  /** Restores a tensor from stored packed codes and fp32 absmax (no re-quantization). */
  public static Nf4Tensor of(long[] shape, int blockSize, byte[] packed, float[] absmax) {
    return new Nf4Tensor(new FourBitData(QuantFormat.NF4, shape, blockSize, packed, absmax, null));
  }

  /** Restores a tensor from stored packed codes and double-quantized absmax (no re-quantization). */
  public static Nf4Tensor of(long[] shape, int blockSize, byte[] packed, BlockwiseInt8 nested) {
    return new Nf4Tensor(new FourBitData(QuantFormat.NF4, shape, blockSize, packed, null, nested));
  }

  @Override
  public QuantFormat format() {
    return QuantFormat.NF4;
  }

  @Override
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

  @Override
  public float[] dequantize() {
    return data.dequantize();
  }

  @Override
  public long storageBytes() {
    return data.storageBytes();
  }

  FourBitData data() {
    return data;
  }

  @Override
  public String toString() {
    return "Nf4Tensor" + java.util.Arrays.toString(data.shape) + "[blockSize=" + data.blockSize
        + ", doubleQuant=" + (data.nested != null) + "]";
  }
}
