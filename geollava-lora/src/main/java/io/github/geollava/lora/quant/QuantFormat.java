package io.github.geollava.lora.quant;

import java.util.Locale;

/** The quantized storage formats of a frozen base weight. */
public enum QuantFormat {
  /** 4-bit NormalFloat, bitsandbytes {@code quant_type="nf4"}. */
  NF4,
  /** 4-bit float (E2M1 with bitsandbytes' table), bitsandbytes {@code quant_type="fp4"}. */
  FP4,
  /** 8-bit row-wise absmax, bitsandbytes {@code Int8Params} (LLM.int8 weights). */
  INT8;

  /** The lower-case name bitsandbytes uses ({@code nf4}, {@code fp4}, {@code int8}). */
  public String bnbName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code nf4}, {@code fp4} or {@code int8}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value when it is none of them
   */
  public static QuantFormat parse(String name) {
    for (QuantFormat f : values()) {
      if (f.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "format: expected nf4, fp4 or int8 but found '" + name + "'");
  }
}
