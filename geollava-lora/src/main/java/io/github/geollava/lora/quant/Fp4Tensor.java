package io.github.geollava.lora.quant;

/**
 * A weight stored as bitsandbytes FP4 ({@code quant_type="fp4"}): bitsandbytes' 4-bit float table
 * (sign, 2 exponent bits, 1 mantissa bit). A scaled value goes to the nearest code by argmin (ties
 * to the lower index).
 *
 * <p>Same blockwise layout as {@link Nf4Tensor}: blocks of {@link #blockSize()} elements of the row-major
 * flattening, one fp32 absmax per block (optionally double-quantized as {@link BlockwiseInt8}), two
 * codes per byte with the FIRST element in the HIGH nibble. Immutable; accessors return copies.
 */
public final class Fp4Tensor extends FourBitTensor implements QuantizedTensor {

  /** bitsandbytes' default block size for 4-bit weights. */
  public static final int DEFAULT_BLOCK_SIZE = 64;

  private Fp4Tensor(FourBitData data) {
    super(data);
  }

  /**
   * Quantizes a row-major float array with bitsandbytes' numerics.
   *
   * @param values the weights, row-major
   * @param shape their logical shape
   * @param blockSize a power of two from 32 to 4096
   * @param doubleQuant whether to store the absmax double-quantized (QLoRA's "double quant")
   */
  public static Fp4Tensor quantize(float[] values, long[] shape, int blockSize, boolean doubleQuant) {
    return new Fp4Tensor(FourBitData.quantize(QuantFormat.FP4, values, shape, blockSize, doubleQuant));
  }

  /** Quantizes with the default block size (64), without double quantization. */
  public static Fp4Tensor quantize(float[] values, long... shape) {
    return quantize(values, shape, DEFAULT_BLOCK_SIZE, false);
  }

  /** Restores a tensor from stored packed codes and fp32 absmax (no re-quantization). */
  public static Fp4Tensor of(long[] shape, int blockSize, byte[] packed, float[] absmax) {
    return new Fp4Tensor(new FourBitData(QuantFormat.FP4, shape, blockSize, packed, absmax, null));
  }

  /** Restores a tensor from stored packed codes and double-quantized absmax (no re-quantization). */
  public static Fp4Tensor of(long[] shape, int blockSize, byte[] packed, BlockwiseInt8 nested) {
    return new Fp4Tensor(new FourBitData(QuantFormat.FP4, shape, blockSize, packed, null, nested));
  }
}
