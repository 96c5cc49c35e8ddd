package io.github.geollava.examples.train;

import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.config.ModuleSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the command line's LoRA setting, {@code r=64,alpha=128[,dropout=0.05][,targets=q_proj+v_proj]}.
 * Targets default to every linear layer of the LLaMA decoder, as GeoLLaVA's fine-tunes.
 */
public final class LoraSpec {

  /** The decoder's linear layers. */
  public static final List<String> DEFAULT_TARGETS =
      List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

  /** Modules kept free of adapters: the vision tower, in both Hugging Face layouts. */
  public static final String VISION_TOWER = "(.*\\.)?vision_tower(\\..*)?";

  private LoraSpec() {}

  /**
   * Parses a setting.
   *
   * @param text e.g. {@code r=64,alpha=128}
   * @return the config
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static LoraConfig parse(String text) {
    int r = 64;
    double alpha = 128;
    double dropout = 0;
    List<String> targets = new ArrayList<>(DEFAULT_TARGETS);
    for (String part : text.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--lora: expected key=value, found '" + p + "'");
      }
      String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1).strip();
      try {
        switch (key) {
          case "r" -> r = Integer.parseInt(value);
          case "alpha", "lora_alpha" -> alpha = Double.parseDouble(value);
          case "dropout", "lora_dropout" -> dropout = Double.parseDouble(value);
          case "targets", "target_modules" -> targets = List.of(value.split("\\+"));
          default -> throw new IllegalArgumentException("--lora: unknown key '" + key
              + "' (known: r, alpha, dropout, targets)");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--lora: " + key + " must be a number, found '" + value + "'", e);
      }
    }
    // The exclusion lives in adapter_config.json, so PEFT and `--adapter` skip the vision tower as training did.
    return LoraConfig.builder().setR(r).optLoraAlpha(alpha).optLoraDropout(dropout)
        .setTargetModules(targets.toArray(String[]::new))
        .optExcludeModules(ModuleSelector.regex(VISION_TOWER)).build();
  }
}
