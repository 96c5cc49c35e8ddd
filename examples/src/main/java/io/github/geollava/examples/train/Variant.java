package io.github.geollava.examples.train;

import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.quant.QuantFormat;
import java.util.Objects;

/**
 * One efficient fine-tuning recipe, a row of GeoLLaVA's Table 1.
 *
 * @param name the row name, e.g. {@code QLoRA-NF4}; also the folder name of its artifacts
 * @param lora the adapter config, or null for a full fine-tune
 * @param quant the format of the frozen base, or null for float32
 * @param prune the share of language-model linear weights pruned by magnitude first, 0 for none
 */
public record Variant(String name, LoraConfig lora, QuantFormat quant, double prune) {

  /** Checks the combination. */
  public Variant {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9._%+-]+")) {
      throw new IllegalArgumentException("variant name must be a plain folder name, found '" + name + "'");
    }
    if (!(prune >= 0 && prune < 1)) {
      throw new IllegalArgumentException("prune must be in [0, 1), found " + prune);
    }
    if (quant != null && lora == null) {
      throw new IllegalArgumentException(name + ": a quantized base cannot be fully fine-tuned; add LoRA");
    }
  }

  /** A one-line description for tables, e.g. {@code LoRA r=64 α=128, NF4 base, 5% pruned}. */
  public String describe() {
    StringBuilder b = new StringBuilder(lora == null ? "full fine-tune"
        : String.format(java.util.Locale.ROOT, "LoRA r=%d α=%s", lora.r(), fmt(lora.loraAlpha())));
    b.append(quant == null ? ", fp32 base" : ", " + quant + " base");
    if (prune > 0) {
      b.append(String.format(java.util.Locale.ROOT, ", %s%% pruned", fmt(prune * 100)));
    }
    return b.toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
