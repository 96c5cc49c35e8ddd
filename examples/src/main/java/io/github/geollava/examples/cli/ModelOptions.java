package io.github.geollava.examples.cli;

import ai.djl.MalformedModelException;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.lora.inject.InjectionReport;
import io.github.geollava.lora.inject.LoraInjector;
import io.github.geollava.lora.peft.PeftAdapters;
import io.github.geollava.prune.mask.PruningMasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that run a model: a PEFT adapter folder to load on top of the base
 * and a pruning-mask file to re-apply. The adapter goes first, so that the masks reach the base weight
 * through the LoRA wrapper (masks zero the base, never the adapter).
 */
final class ModelOptions {

  private static final Logger LOG = LoggerFactory.getLogger(ModelOptions.class);

  @Option(names = "--adapter", paramLabel = "DIR",
      description = "PEFT LoRA adapter folder (adapter_config.json + adapter_model.safetensors).")
  Path adapter;

  @Option(names = "--masks", paramLabel = "FILE",
      description = "Pruning masks (<module path>.weight_mask, from `geollava prune`) to re-apply.")
  Path masks;

  /** Applies the adapter and the masks, if given; bad files surface as bad input (exit 2). */
  void applyTo(LlavaNextVideoModel model) {
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
  }
}
