package io.github.geollava.lora.quant;

import java.util.Arrays;

/**
 * A weight stored as bitsandbytes {@code Int8Params} (LLM.int8 weights): per row {@code SCB = max |w|}
 * and {@code q = round(w * 127 / SCB)} in int8 (round half to even, as {@code torch.round});
 * dequantised as {@code q * SCB * (1 / 127)}.
 *
 * <p>bitsandbytes' activation-outlier decomposition (threshold 6.0) exists because it runs the matmul
 * in int8; here the weight is dequantised to float32 and multiplied with float32 activations, so no
 * activation is ever quantized and no outlier can be clipped.
 */
public final class Int8RowwiseTensor implements QuantizedTensor {

  // bitsandbytes multiplies by this float32 constant (1/127) rather than dividing.
  private static final float INV_127 = 7.874015718698502e-3f;

  private final int rows;
  private final int cols;
  private final byte[] data; // (rows, cols) row-major int8
  private final float[] scb; // (rows)

  private Int8RowwiseTensor(int rows, int cols, byte[] data, float[] scb) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.scb = scb;
  }

  /** Quantizes a row-major (rows, cols) matrix row-wise. */
  public static Int8RowwiseTensor quantize(float[] values, int rows, int cols) {
    if (rows <= 0 || cols <= 0 || (long) rows * cols != values.length) {
      throw new IllegalArgumentException("values: expected rows*cols = " + rows + "*" + cols
          + " elements but found " + values.length);
    }
    byte[] q = new byte[values.length];
    float[] scb = new float[rows];
    for (int r = 0; r < rows; r++) {
      int off = r * cols;
      float m = 0f;
      for (int c = 0; c < cols; c++) {
        m = Math.max(m, Math.abs(values[off + c]));
      }
      scb[r] = m;
      if (m == 0f) {
        continue; // an all-zero row stays zero (bnb would produce NaN codes here)
      }
      float k = 127f / m;
      for (int c = 0; c < cols; c++) {
        q[off + c] = (byte) Math.rint(values[off + c] * k);
      }
    }
    return new Int8RowwiseTensor(rows, cols, q, scb);
  }

  /** Restores a tensor from stored int8 codes and row statistics (no re-quantization). */
  public static Int8RowwiseTensor of(int rows, int cols, byte[] data, float[] scb) {
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException("data: expected " + ((long) rows * cols)
          + " int8 values for (" + rows + ", " + cols + ") but found " + data.length);
    }
    if (scb.length != rows) {
      throw new IllegalArgumentException(
          "SCB: expected " + rows + " row statistics but found " + scb.length);
    }
    return new Int8RowwiseTensor(rows, cols, data.clone(), scb.clone());
  }

  @Override
  public QuantFormat format() {
    return QuantFormat.INT8;
  }

  @Override
  public long[] shape() {
    return new long[] {rows, cols};
  }

  /** Number of rows (output features). */
  public int rows() {
    return rows;
  }

  /** Number of columns (input features). */
  public int cols() {
    return cols;
  }

  /** The int8 codes, row-major (a copy). */
  public byte[] data() {
    return data.clone();
  }

  /** The per-row absmax, bitsandbytes' {@code SCB} (a copy). */
  public float[] scb() {
    return scb.clone();
  }

  @Override
  public float[] dequantize() {
    float[] out = new float[data.length];
    dequantizeInto(java.nio.FloatBuffer.wrap(out));
    return out;
  }

  /** Dequantises into {@code out} (absolute puts from index 0; heap or direct buffer). */
  void dequantizeInto(java.nio.FloatBuffer out) {
    for (int r = 0; r < rows; r++) {
      float s = scb[r];
      int off = r * cols;
      for (int c = 0; c < cols; c++) {
        out.put(off + c, data[off + c] * s * INV_127);
      }
    }
  }

  /** The float32 constant 1/127 that bitsandbytes multiplies by. */
  static float inv127() {
    return INV_127;
  }

  @Override
  public long storageBytes() {
    return data.length + 4L * scb.length;
  }

  @Override
  public String toString() {
    return "Int8RowwiseTensor" + Arrays.toString(shape());
  }
}
