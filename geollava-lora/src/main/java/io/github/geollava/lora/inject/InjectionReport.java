package io.github.geollava.lora.inject;

import java.util.List;
import java.util.Map;

/**
 * What an injection did.
 *
 * @param adapter the adapter name
 * @param wrapped module paths that received the adapter, in model order
 * @param ranks the rank used per wrapped path
 * @param trainableParameters parameters that will receive gradients (LoRA, plus biases and
 *     modules_to_save as configured)
 * @param totalParameters all parameters, quantized base weights counted by their logical size
 */
public record InjectionReport(
    String adapter,
    List<String> wrapped,
    Map<String, Integer> ranks,
    long trainableParameters,
    long totalParameters) {

  /** Copies the collections. */
  public InjectionReport {
    wrapped = List.copyOf(wrapped);
    ranks = Map.copyOf(ranks);
  }

  /** Trainable share of all parameters, in percent. */
  public double trainablePercent() {
    return totalParameters == 0 ? 0 : 100.0 * trainableParameters / totalParameters;
  }

  /** PEFT's {@code print_trainable_parameters} line. */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "trainable params: %,d || all params: %,d || trainable%%: %.4f (%d modules wrapped)",
        trainableParameters, totalParameters, trainablePercent(), wrapped.size());
  }
}
