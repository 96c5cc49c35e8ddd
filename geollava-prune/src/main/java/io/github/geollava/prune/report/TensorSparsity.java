package io.github.geollava.prune.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Sparsity of one weight tensor and the size of its encodings (float32 values):
 *
 * <ul>
 *   <li>dense: {@code 4 n} bytes;
 *   <li>bitmap: one bit per weight plus the non-zero values, {@code ceil(n / 8) + 4 nnz};
 *   <li>CSR over the rows of a 2-D (out, in) weight: int32 row pointers, int32 column indices and fp32
 *       values, {@code 4 (rows + 1) + 8 nnz} (a 1-D tensor counts as one row).
 * </ul>
 *
 * @param name the module path
 * @param shape the weight's shape
 * @param parameters the number of weights
 * @param zeros how many are exactly 0
 */
public record TensorSparsity(String name, long[] shape, long parameters, long zeros) {

  /** Validates the counts. */
  public TensorSparsity {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    shape = shape.clone();
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (n != parameters) {
      throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
          + " weights, not " + parameters);
    }
    if (zeros < 0 || zeros > parameters) {
      throw new IllegalArgumentException(name + ": zeros must be in [0, " + parameters + "], got " + zeros);
    }
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** zeros / parameters (0 for an empty tensor). */
  @JsonProperty
  public double sparsity() {
    return parameters == 0 ? 0.0 : (double) zeros / parameters;
  }

  /** Non-zero weights. */
  @JsonProperty
  public long nonZeros() {
    return parameters - zeros;
  }

  /** Dense float32 bytes. */
  @JsonProperty
  public long denseBytes() {
    return 4 * parameters;
  }

  /** Bitmap encoding bytes: {@code ceil(n / 8) + 4 nnz}. */
  @JsonProperty
  public long bitmapBytes() {
    return (parameters + 7) / 8 + 4 * nonZeros();
  }

  /** CSR encoding bytes: {@code 4 (rows + 1) + 8 nnz}. */
  @JsonProperty
  public long csrBytes() {
    long rows = shape.length >= 2 ? shape[0] : 1;
    return 4 * (rows + 1) + 8 * nonZeros();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSparsity t && t.name.equals(name) && Arrays.equals(t.shape, shape)
        && t.parameters == parameters && t.zeros == zeros;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Long.hashCode(zeros);
  }

  @Override
  public String toString() {
    return name + " " + Arrays.toString(shape) + " zeros " + zeros + "/" + parameters;
  }
}
