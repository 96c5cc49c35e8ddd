package io.github.geollava.core.safetensors;

import java.util.Locale;

/**
 * The element types this library reads and writes, a whitelist of the Rust reference's {@code Dtype}.
 *
 * <p>FP8 and the unsigned 16/32/64-bit types are deliberately absent: no checkpoint we target uses
 * them, and DJL's PyTorch engine aborts the JVM on several of them.
 */
public enum SafetensorsDType {
  /** IEEE 754 double precision. */
  F64(8, 12),
  /** IEEE 754 single precision. */
  F32(4, 11),
  /** IEEE 754 half precision. */
  F16(2, 7),
  /** bfloat16 (the upper half of a float32). */
  BF16(2, 8),
  /** Signed 64-bit integer. */
  I64(8, 13),
  /** Signed 32-bit integer. */
  I32(4, 9),
  /** Signed 16-bit integer. */
  I16(2, 5),
  /** Signed 8-bit integer. */
  I8(1, 2),
  /** Unsigned 8-bit integer. */
  U8(1, 1),
  /** Boolean stored as one byte, 0 or 1. */
  BOOL(1, 0);

  private final int byteSize;
  /** Position in the Rust {@code Dtype} enum (0.4.x), which orders tensors in a written file. */
  private final int referenceOrder;

  SafetensorsDType(int byteSize, int referenceOrder) {
    this.byteSize = byteSize;
    this.referenceOrder = referenceOrder;
  }

  /** Bytes per element. */
  public int byteSize() {
    return byteSize;
  }

  /** The header key, e.g. {@code "F32"}. */
  public String key() {
    return name();
  }

  /**
   * Rank of this type in the reference implementation's enum; the writer orders tensors by descending
   * rank, then by name, exactly as {@code safetensors::tensor::prepare} does.
   */
  int referenceOrder() {
    return referenceOrder;
  }

  /**
   * The type for a header key.
   *
   * @param key a header key such as {@code "BF16"} (case-sensitive, as in the format)
   * @return the type
   * @throws IllegalArgumentException if the key is not in the whitelist
   */
  public static SafetensorsDType fromKey(String key) {
    if (key != null) {
      for (SafetensorsDType t : values()) {
        if (t.name().equals(key)) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "unsupported safetensors dtype '%s'; expected one of F64, F32, F16, BF16, I64, I32, I16, I8, U8,"
                + " BOOL",
            key));
  }
}
