package io.github.geollava.examples.cli;

import ai.djl.MalformedModelException;
import io.github.geollava.core.caption.ChangeCaptioner;
import io.github.geollava.core.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava caption}: describes the changes between two images of one place with a model folder
 * (a LLaVA-NeXT-Video checkpoint, or a fine-tuned or tiny one), printing the answer on stdout.
 */
@Command(
    name = "caption",
    mixinStandardHelpOptions = true,
    description = "Describe the changes between a before and an after image with a model folder.")
public final class CaptionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Model folder: config.json, safetensors, tokenizer.json, processor config.")
  Path model;

  @Option(names = "--before", required = true, paramLabel = "A", description = "The earlier image.")
  Path before;

  @Option(names = "--after", required = true, paramLabel = "B", description = "The later image.")
  Path after;

  @Option(names = "--prompt", paramLabel = "P",
      description = "The instruction (default: \"" + ChangeCaptioner.DEFAULT_PROMPT + "\").")
  String prompt = ChangeCaptioner.DEFAULT_PROMPT;

  @Option(names = "--max-new-tokens", defaultValue = "350", paramLabel = "N",
      description = "Answer length cap in tokens (default: ${DEFAULT-VALUE}).")
  int maxNewTokens;

  @Option(names = "--device", defaultValue = "default", paramLabel = "cpu|gpu|default",
      description = "Where the model runs (default: DJL's default device).")
  String device;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Override
  public Integer call() throws IOException {
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("--max-new-tokens must be >= 1, got " + maxNewTokens);
    }
    if (prompt.isBlank()) {
      throw new IllegalArgumentException("--prompt must not be blank");
    }
    // Images first: a bad path should fail before a multi-gigabyte model is loaded.
    BufferedImage a = ImageLoader.read(before);
    BufferedImage b = ImageLoader.read(after);
    ChangeCaptioner built;
    try {
      built =
          ChangeCaptioner.builder()
              .setModelDir(model)
              .optDevice(GenerateCommand.device(device))
              .optMaxNewTokens(maxNewTokens)
              .optModelCustomizer(modelOptions::applyTo)
              .build();
    } catch (MalformedModelException e) {
      throw new BadInputException(model + ": " + e.getMessage(), e);
    }
    try (ChangeCaptioner captioner = built) {
      String text = captioner.describe(List.of(a, b), prompt);
      PrintWriter out = spec.commandLine().getOut();
      out.println(text);
      out.flush();
    }
    return 0;
  }
}
