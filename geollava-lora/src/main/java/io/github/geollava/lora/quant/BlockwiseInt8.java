package io.github.geollava.lora.quant;

import java.util.Arrays;

/**
 * Double-quantized 4-bit scales: bitsandbytes' {@code quantize_blockwise(absmax - offset, code =
 * create_dynamic_map(signed=True), blocksize=256)}. The recovered absmax is {@code code[q] * absmax2 +
 * offset}, computed in float32 exactly as bitsandbytes does.
 *
 * @param codes one 8-bit code index per 4-bit block (bnb's {@code absmax} uint8 tensor)
 * @param absmax2 fp32 absmax of each group of {@code blockSize} codes ({@code nested_absmax})
 * @param code the 256-entry dynamic map ({@code nested_quant_map})
 * @param blockSize group size of the nested quantization ({@code nested_blocksize}, 256 by default)
 * @param offset mean of the original absmax ({@code nested_offset})
 */
public record BlockwiseInt8(byte[] codes, float[] absmax2, float[] code, int blockSize, float offset) {

  /** bitsandbytes' nested block size. */
  public static final int DEFAULT_BLOCK_SIZE = 256;

  /** Validates lengths; arrays are copied so the record stays immutable. */
  public BlockwiseInt8 {
    if (codes == null || absmax2 == null || code == null) {
      throw new IllegalArgumentException("nested absmax: codes, absmax2 and code must not be null");
    }
    if (code.length != 256) {
      throw new IllegalArgumentException(
          "nested_quant_map: expected 256 values but found " + code.length);
    }
    if (blockSize <= 0) {
      throw new IllegalArgumentException("nested_blocksize: must be positive but was " + blockSize);
    }
    int groups = (codes.length + blockSize - 1) / blockSize;
    if (absmax2.length != groups) {
      throw new IllegalArgumentException(
          "nested_absmax: expected " + groups + " values for " + codes.length + " codes in groups of "
              + blockSize + " but found " + absmax2.length);
    }
    codes = codes.clone();
    absmax2 = absmax2.clone();
    code = code.clone();
  }

  /**
   * Quantizes {@code absmax - mean(absmax)} blockwise with the signed dynamic map, taking the offset
   * from the caller so a reference value (e.g. bnb's own mean) can be reproduced exactly.
   */
  public static BlockwiseInt8 quantize(float[] absmax, float offset, int blockSize) {
    float[] code = QuantMaps.dynamicSigned();
    int n = absmax.length;
    int groups = (n + blockSize - 1) / blockSize;
    float[] absmax2 = new float[groups];
    byte[] q = new byte[n];
    for (int g = 0; g < groups; g++) {
      int from = g * blockSize;
      int to = Math.min(n, from + blockSize);
      float m = 0f;
      for (int i = from; i < to; i++) {
        m = Math.max(m, Math.abs(absmax[i] - offset));
      }
      absmax2[g] = m;
      float inv = 1f / m;
      for (int i = from; i < to; i++) {
        float s = clamp((absmax[i] - offset) * inv);
        q[i] = (byte) argminAbs(code, s);
      }
    }
    return new BlockwiseInt8(q, absmax2, code, blockSize, offset);
  }

  /** Quantizes with bitsandbytes' own offset, the float32 mean of {@code absmax}. */
  public static BlockwiseInt8 quantize(float[] absmax) {
    return quantize(absmax, mean(absmax), DEFAULT_BLOCK_SIZE);
  }

  /** The float32 mean, summed pairwise as PyTorch's reduction does (may differ from bnb by 1 ulp). */
  static float mean(float[] a) {
    double sum = 0;
    for (float v : a) {
      sum += v;
    }
    return (float) (sum / a.length);
  }

  /** Recovers the 4-bit absmax: {@code code[q] * absmax2[group] + offset} in float32. */
  public float[] dequantize() {
    float[] out = new float[codes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = code[codes[i] & 0xFF] * absmax2[i / blockSize] + offset;
    }
    return out;
  }

  /** Stored bytes: the codes, the nested absmax and the offset. */
  public long storageBytes() {
    return codes.length + 4L * absmax2.length + 4L;
  }

  @Override
  public byte[] codes() {
    return codes.clone();
  }

  @Override
  public float[] absmax2() {
    return absmax2.clone();
  }

  @Override
  public float[] code() {
    return code.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockwiseInt8 b
        && Arrays.equals(codes, b.codes)
        && Arrays.equals(absmax2, b.absmax2)
        && Arrays.equals(code, b.code)
        && blockSize == b.blockSize
        && Float.compare(offset, b.offset) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(codes) * 31 + Arrays.hashCode(absmax2) + Float.hashCode(offset);
  }

  @Override
  public String toString() {
    return "BlockwiseInt8[codes=" + codes.length + ", blockSize=" + blockSize + ", offset=" + offset
        + "]";
  }

  static float clamp(float s) {
    // Math.max/min propagate NaN like torch.clamp.
    return Math.min(1f, Math.max(-1f, s));
  }

  /** argmin over |s - code[j]|, ties to the lowest index, as torch.argmin. */
  static int argminAbs(float[] code, float s) {
    int best = 0;
    float bestDiff = Math.abs(s - code[0]);
    for (int j = 1; j < code.length; j++) {
      float d = Math.abs(s - code[j]);
      if (d < bestDiff) {
        bestDiff = d;
        best = j;
      }
    }
    return best;
  }
}
