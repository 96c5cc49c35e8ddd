package io.github.geollava.lora.config;

/** PEFT's {@code init_lora_weights}: how A and B start. */
public enum InitLoraWeights {
  /** PEFT {@code true}: A Kaiming-uniform with a = sqrt(5) (bound 1/sqrt(in)), B zero. */
  KAIMING,
  /** PEFT {@code "gaussian"}: A ~ N(0, 1/r) (std 1/r), B zero. */
  GAUSSIAN,
  /** PEFT {@code false}: A and B both Kaiming-uniform (not an identity op; for tests). */
  RANDOM
}
