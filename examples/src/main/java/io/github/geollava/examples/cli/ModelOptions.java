package io.github.geollava.examples.cli;

import ai.djl.MalformedModelException;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.lora.inject.InjectionReport;
import io.github.geollava.lora.inject.LoraInjector;
import io.github.geollava.lora.peft.PeftAdapters;
import io.github.geollava.lora.quant.QuantFormat;
import io.github.geollava.prune.mask.PruningMasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that run a model: a quantization of the frozen base, a PEFT adapter
 * folder to load on top of it and a pruning-mask file to re-apply.
 *
 * <p>Order, as in training: masks first (they zero real weights; NF4, FP4 and INT8 keep a zero exactly,
 * and a quantized layer has no dense weight left to mask), then quantization (a QLoRA adapter was
 * trained against the quantized base, so it must see the same rounding), then the adapter (its LoRA
 * layers wrap the quantized or dense base; masks never touch the adapter).
 */
final class ModelOptions {

  private static final Logger LOG = LoggerFactory.getLogger(ModelOptions.class);

  @Option(names = "--adapter", paramLabel = "DIR",
      description = "PEFT LoRA adapter folder (adapter_config.json + adapter_model.safetensors).")
  Path adapter;

  @Option(names = "--masks", paramLabel = "FILE",
      description = "Pruning masks (<module path>.weight_mask, from `geollava prune`) to re-apply.")
  Path masks;

  @Option(names = "--quant", defaultValue = "none", paramLabel = "nf4|fp4|int8|none",
      description = {"Quantize the frozen base (every Linear but lm_head, block 64) before the adapter",
          "is loaded, as for a QLoRA adapter (default: ${DEFAULT-VALUE})."})
  String quant;

  /** Block size of the 4-bit formats, bitsandbytes' default. */
  static final int QUANT_BLOCK_SIZE = 64;

  /**
   * The {@code --quant} format, or null for {@code none}.
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  QuantFormat quantFormat() {
    if (quant == null || quant.isBlank() || quant.strip().equalsIgnoreCase("none")) {
      return null;
    }
    try {
      return QuantFormat.parse(quant);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--quant must be nf4, fp4, int8 or none, found '" + quant + "'", e);
    }
  }

  /**
   * Applies the masks, the quantization and the adapter, if given, in that order; bad files surface
   * as bad input (exit 2).
   */
  void applyTo(LlavaNextVideoModel model) {
    QuantFormat format = quantFormat();
    if (masks != null) {
      try {
        PruningMasks.load(masks).apply(model.block());
        LOG.info("masks {} re-applied", masks);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(masks + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (MalformedModelException e) {
        // The safetensors reader's messages already name the file.
        throw new BadInputException(e.getMessage(), e);
      }
    }
    if (format != null) {
      List<String> done = LoraInjector.quantizeBase(
          model.block(), format, QUANT_BLOCK_SIZE, false, LoraInjector.exceptLmHead());
      LOG.info("base quantized to {}: {} linear layers", format.bnbName(), done.size());
    }
    if (adapter != null) {
      try {
        InjectionReport report = PeftAdapters.load(model.block(), adapter, LoraInjector.builder());
        LOG.info("adapter {}: {}", adapter, report.summary());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (MalformedModelException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }
  }
}
