package io.github.geollava.core.safetensors;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor's header entry.
 *
 * @param name the tensor name (a Hugging Face state-dict key)
 * @param dtype the element type
 * @param shape the dimensions, empty for a scalar; copied on the way in and out
 * @param begin first byte, relative to the start of the data area (after the header)
 * @param end one past the last byte, relative to the start of the data area
 */
public record TensorInfo(String name, SafetensorsDType dtype, long[] shape, long begin, long end) {

  /** Validates the fields; messages name the field and the value. */
  public TensorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(shape, "shape");
    shape = shape.clone();
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': shape " + Arrays.toString(shape) + " has a negative dimension");
      }
    }
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "tensor '" + name + "': data offsets [" + begin + ", " + end + "] are not 0 <= begin <= end");
    }
  }

  /** The dimensions (a copy). */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /**
   * Number of elements: the product of the shape, 1 for a scalar.
   *
   * @throws ArithmeticException if the product overflows a long
   */
  public long numel() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Number of bytes in the data area, {@code end - begin}. */
  public long byteLength() {
    return end - begin;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t
        && name.equals(t.name)
        && dtype == t.dtype
        && Arrays.equals(shape, t.shape)
        && begin == t.begin
        && end == t.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
  }
}
