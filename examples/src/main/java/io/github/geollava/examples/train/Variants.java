package io.github.geollava.examples.train;

import ai.djl.MalformedModelException;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.train.StepStats;
import io.github.geollava.core.train.TrainingControl;
import io.github.geollava.core.train.TrainingListener;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.inject.InjectionReport;
import io.github.geollava.lora.inject.LoraInjector;
import io.github.geollava.lora.layer.QuantizedLinear;
import io.github.geollava.lora.peft.PeftAdapters;
import io.github.geollava.prune.MagnitudePruner;
import io.github.geollava.prune.mask.MaskReapplyListener;
import io.github.geollava.prune.mask.PruningMasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link Variant} to a loaded base model, for training ({@link #prepare}) or for inference
 * from saved artifacts ({@link #restore}).
 */
public final class Variants {

  /** The adapter name used by the demo and the {@code finetune} command. */
  public static final String ADAPTER = "default";

  /** The 4-bit block size of bitsandbytes. */
  public static final int BLOCK_SIZE = 64;

  private Variants() {}

  /**
   * What {@link #prepare} did.
   *
   * @param injection the LoRA injection (null for a full fine-tune)
   * @param masks the pruning masks (null when nothing was pruned)
   * @param quantized paths of the quantized linear layers
   */
  public record Prepared(InjectionReport injection, PruningMasks masks, List<String> quantized) {}

  /**
   * Prunes, quantizes and injects adapters, in that order, leaving only the adapters trainable (or
   * everything, for a full fine-tune).
   *
   * @param model the base model, freshly loaded
   * @param variant the recipe
   * @param seed the adapters' initialisation seed
   * @return what was done
   */
  public static Prepared prepare(LlavaNextVideoModel model, Variant variant, long seed) {
    Block root = model.block();
    PruningMasks masks = null;
    if (variant.prune() > 0) {
      masks = MagnitudePruner.builder().setSparsity(variant.prune()).build().prune(root);
    }
    List<String> quantized = List.of();
    if (variant.quant() != null) {
      quantized = LoraInjector.quantizeBase(root, variant.quant(), BLOCK_SIZE, false, LoraInjector.exceptLmHead());
    }
    InjectionReport report = null;
    if (variant.lora() != null) {
      report = injector(variant.lora(), seed).inject(root);
    } else {
      root.freezeParameters(false);
    }
    return new Prepared(report, masks, quantized);
  }

  /**
   * Rebuilds a fine-tuned model for inference from its artifacts: masks re-applied to the real
   * weights, base quantized, adapter loaded.
   *
   * @param model the base model, freshly loaded
   * @param variant the recipe it was trained with
   * @param adapterDir the PEFT adapter folder (ignored for a full fine-tune)
   * @param masksFile the masks file, or null
   * @throws IOException if an artifact cannot be read
   * @throws MalformedModelException if an artifact does not fit the model
   */
  public static void restore(LlavaNextVideoModel model, Variant variant, Path adapterDir, Path masksFile)
      throws IOException, MalformedModelException {
    Block root = model.block();
    if (masksFile != null) {
      PruningMasks.load(masksFile).apply(root);
    }
    if (variant.quant() != null) {
      LoraInjector.quantizeBase(root, variant.quant(), BLOCK_SIZE, false, LoraInjector.exceptLmHead());
    }
    if (variant.lora() != null) {
      PeftAdapters.load(root, adapterDir, LoraInjector.builder().excludeVisionTower());
    }
  }

  /**
   * Re-applies the pruning masks after every optimizer step (the paper's persistent masks). Nothing to do
   * when nothing was pruned, or when the base is quantized: it is frozen, and quantization keeps pruned
   * zeros exactly zero.
   *
   * @param prepared what {@link #prepare} did
   * @param variant the recipe
   * @param model the model being trained
   * @return the listener (a no-op when there is nothing to re-apply)
   */
  public static TrainingListener maskListener(Prepared prepared, Variant variant, LlavaNextVideoModel model) {
    if (prepared.masks() == null || variant.quant() != null) {
      return new TrainingListener() {};
    }
    MaskReapplyListener masks = new MaskReapplyListener(prepared.masks());
    return new TrainingListener() {
      @Override
      public void afterStep(StepStats s, TrainingControl control) {
        masks.reapply(model.block());
      }
    };
  }

  /**
   * The injector of the demo and the {@code finetune} command: the vision tower keeps no adapters, as
   * in GeoLLaVA (the tower stays frozen).
   */
  public static LoraInjector injector(LoraConfig config, long seed) {
    return LoraInjector.builder().setConfig(config).excludeVisionTower().optSeed(seed).build();
  }

  /**
   * Bytes of the frozen base weights as they are stored: 4 per float32 element, the packed size of
   * quantized layers (codes and scales).
   *
   * @param model the model after {@link #prepare}
   * @return the bytes
   */
  public static long baseWeightBytes(LlavaNextVideoModel model) {
    long bytes = 0;
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    for (Map.Entry<String, Block> e : ModulePaths.modules(model.block()).entrySet()) {
      Block b = e.getValue();
      if (b instanceof QuantizedLinear q) {
        if (seen.put(q, Boolean.TRUE) == null) {
          bytes += q.storageBytes(); // codes, scales and the bias
        }
        continue;
      }
      for (var p : b.getDirectParameters()) {
        Parameter param = p.getValue();
        if (!param.requiresGradient() && param.isInitialized()
            && seen.put(param.getArray(), Boolean.TRUE) == null) {
          bytes += param.getArray().size() * param.getArray().getDataType().getNumOfBytes();
        }
      }
    }
    return bytes;
  }
}
