package io.github.geollava.lora.layer;

import io.github.geollava.lora.config.InitLoraWeights;

/**
 * The settings of one adapter on one layer (PEFT resolves rank and alpha per module from
 * {@code rank_pattern}/{@code alpha_pattern} before creating the layer).
 *
 * @param r the rank
 * @param alpha lora_alpha
 * @param dropout dropout probability on the adapter input, in [0, 1)
 * @param useRslora scaling alpha/sqrt(r) instead of alpha/r
 * @param init how A and B start
 * @param seed seed of the Java generator that initialises A (and B for {@link InitLoraWeights#RANDOM})
 */
public record AdapterSettings(
    int r, double alpha, double dropout, boolean useRslora, InitLoraWeights init, long seed) {

  /** Validates the values, naming PEFT's fields. */
  public AdapterSettings {
    if (r <= 0) {
      throw new IllegalArgumentException("r: must be positive but was " + r);
    }
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("lora_alpha: must be positive but was " + alpha);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("lora_dropout: must be in [0, 1) but was " + dropout);
    }
    if (init == null) {
      throw new IllegalArgumentException("init_lora_weights: must not be null");
    }
  }

  /** PEFT's scaling: alpha / r, or alpha / sqrt(r) with rsLoRA. */
  public double scaling() {
    return useRslora ? alpha / Math.sqrt(r) : alpha / r;
  }
}
