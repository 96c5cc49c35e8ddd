package io.github.geollava.lora.quant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.Arrays;

/**
 * The shared body of {@link Nf4Tensor} and {@link Fp4Tensor}: bitsandbytes' blockwise 4-bit layout.
 * Element {@code 2i} sits in the HIGH nibble of byte {@code i}, element {@code 2i+1} in the LOW one.
 * Blocks run over the row-major flattening; the last block may be partial.
 */
final class FourBitData {
  final QuantFormat format;
  final long[] shape;
  final long numel;
  final int blockSize;
  final byte[] packed; // (numel + 1) / 2
  final float[] absmax; // effective fp32 absmax per block (dequantised when nested)
  final BlockwiseInt8 nested; // null without double quantization
  final float[] table;

  FourBitData(
      QuantFormat format,
      long[] shape,
      int blockSize,
      byte[] packed,
      float[] absmax,
      BlockwiseInt8 nested) {
    this.format = format;
    this.shape = shape.clone();
    this.numel = checkedNumel(shape);
    checkBlockSize(blockSize);
    this.blockSize = blockSize;
    long bytes = (numel + 1) / 2;
    if (packed.length != bytes) {
      throw new IllegalArgumentException(
          "packed: expected " + bytes + " bytes for shape " + Arrays.toString(shape) + " but found "
              + packed.length);
    }
    long blocks = (numel + blockSize - 1) / blockSize;
    float[] effective = nested != null ? nested.dequantize() : absmax;
    if (effective == null || effective.length != blocks) {
      throw new IllegalArgumentException(
          "absmax: expected " + blocks + " blocks of " + blockSize + " but found "
              + (effective == null ? "none" : effective.length));
    }
    this.packed = packed.clone();
    this.absmax = effective.clone();
    this.nested = nested;
    this.table = QuantMaps.fourBit(format);
  }

  static long checkedNumel(long[] shape) {
    if (shape == null || shape.length == 0) {
      throw new IllegalArgumentException("shape: must have at least one dimension");
    }
    long n = 1;
    for (long d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException("shape: dimensions must be positive but found "
            + Arrays.toString(shape));
      }
      n = Math.multiplyExact(n, d);
    }
    if (n > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("shape: " + Arrays.toString(shape)
          + " has more elements than a Java array holds; quantize it in slices");
    }
    return n;
  }

  static void checkBlockSize(int blockSize) {
    if (blockSize < 32 || blockSize > 4096 || Integer.bitCount(blockSize) != 1) {
      throw new IllegalArgumentException(
          "blockSize: expected a power of two from 32 to 4096 but found " + blockSize);
    }
  }

  /** Quantizes {@code values} (row-major, {@code shape}) with bitsandbytes' numerics. */
  static FourBitData quantize(
      QuantFormat format, float[] values, long[] shape, int blockSize, boolean doubleQuant) {
    long n = checkedNumel(shape);
    if (values.length != n) {
      throw new IllegalArgumentException("values: expected " + n + " elements for shape "
          + Arrays.toString(shape) + " but found " + values.length);
    }
    checkBlockSize(blockSize);
    float[] table = QuantMaps.fourBit(format);
    float[] mid = new float[15];
    for (int i = 0; i < 15; i++) {
      mid[i] = (table[i] + table[i + 1]) / 2f; // only meaningful for the sorted NF4 table
    }
    int blocks = (int) ((n + blockSize - 1) / blockSize);
    float[] absmax = new float[blocks];
    byte[] packed = new byte[(int) ((n + 1) / 2)];
    for (int b = 0; b < blocks; b++) {
      int from = b * blockSize;
      int to = (int) Math.min(n, (long) from + blockSize);
      float m = 0f;
      for (int i = from; i < to; i++) {
        m = Math.max(m, Math.abs(values[i]));
      }
      absmax[b] = m;
      // bnb multiplies by the float32 reciprocal (not a division): keep that for bit-identical codes.
      float inv = 1f / m;
      for (int i = from; i < to; i++) {
        float s = BlockwiseInt8.clamp(values[i] * inv);
        int q = format == QuantFormat.NF4 ? bucketize(mid, s) : BlockwiseInt8.argminAbs(table, s);
        if ((i & 1) == 0) {
          packed[i >> 1] = (byte) (q << 4);
        } else {
          packed[i >> 1] |= (byte) q;
        }
      }
    }
    BlockwiseInt8 nested = doubleQuant ? BlockwiseInt8.quantize(absmax) : null;
    return new FourBitData(format, shape, blockSize, packed, doubleQuant ? null : absmax, nested);
  }

  /**
   * torch.bucketize(s, midpoints, right=False): the number of midpoints strictly below s, so a value
   * exactly on a midpoint goes to the lower code. An all-zero block gives NaN scales: code of 0.0.
   */
  static int bucketize(float[] mid, float s) {
    if (Float.isNaN(s)) {
      return 7;
    }
    int q = 0;
    while (q < mid.length && mid[q] < s) {
      q++;
    }
    return q;
  }

  float[] dequantize() {
    float[] out = new float[(int) numel];
    dequantizeInto(java.nio.FloatBuffer.wrap(out));
    return out;
  }

  /** Dequantises into {@code out} (absolute puts from index 0; heap or direct buffer). */
  void dequantizeInto(java.nio.FloatBuffer out) {
    int n = (int) numel;
    int blocks = absmax.length;
    // Two table lookups and two products per byte; blocks hold an even count (power of two >= 32).
    for (int b = 0; b < blocks; b++) {
      float a = absmax[b];
      int from = b * blockSize;
      int to = Math.min(n, from + blockSize);
      int i = from;
      for (; i + 1 < to; i += 2) {
        int v = packed[i >> 1];
        out.put(i, table[(v >> 4) & 15] * a);
        out.put(i + 1, table[v & 15] * a);
      }
      if (i < to) { // odd total count: the last element sits alone in a high nibble
        out.put(i, table[(packed[i >> 1] >> 4) & 15] * a);
      }
    }
  }

  /**
   * Dequantises on the engine: the packed bytes index a (256, 2) table of code pairs, then each block
   * is scaled by its absmax. Both inputs may live on a GPU; the result is float32 of {@link #shape}.
   *
   * @param packedU8 the packed bytes as a uint8 NDArray of shape (numel / 2)
   * @param absmaxF32 the effective absmax as a float32 NDArray of shape (blocks)
   * @param pairTable the (256, 2) float32 table from {@link #pairTable(NDManager)}
   */
  NDArray dequantize(NDArray packedU8, NDArray absmaxF32, NDArray pairTable) {
    if (numel % blockSize != 0) {
      NDManager m = packedU8.getManager();
      return m.create(dequantize(), new Shape(shape));
    }
    // torch.embedding over the (256, 2) pair table: one gather per byte (faster than fancy indexing).
    try (NDArray idx = packedU8.toType(DataType.INT32, false);
        NDArray codes = idx.getNDArrayInternal().embedding(idx, pairTable, SparseFormat.DENSE)
            .singletonOrThrow();
        NDArray blocks = codes.reshape(numel / blockSize, blockSize);
        NDArray scale = absmaxF32.reshape(numel / blockSize, 1);
        NDArray product = blocks.mul(scale)) {
      return product.reshape(new Shape(shape));
    }
  }

  /** The (256, 2) float32 table mapping a byte to its (high, low) code values. */
  NDArray pairTable(NDManager manager) {
    float[] pairs = new float[512];
    for (int v = 0; v < 256; v++) {
      pairs[2 * v] = table[v >>> 4];
      pairs[2 * v + 1] = table[v & 15];
    }
    return manager.create(pairs, new Shape(256, 2));
  }

  long storageBytes() {
    long scales = nested != null ? nested.storageBytes() : 4L * absmax.length;
    return packed.length + scales;
  }
}
