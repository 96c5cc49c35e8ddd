package io.github.geollava.lora.config;

/** PEFT's {@code bias}: which biases train alongside the adapters. */
public enum BiasMode {
  /** No bias trains ({@code "none"}). */
  NONE,
  /** Every bias of the model trains ({@code "all"}). */
  ALL,
  /** Only the biases of the wrapped layers train ({@code "lora_only"}). */
  LORA_ONLY;

  /** PEFT's JSON value. */
  public String peftName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Parses PEFT's JSON value.
   *
   * @throws IllegalArgumentException naming the field and the value
   */
  public static BiasMode parse(String s) {
    for (BiasMode m : values()) {
      if (m.peftName().equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("bias: expected none, all or lora_only but found '" + s + "'");
  }
}
