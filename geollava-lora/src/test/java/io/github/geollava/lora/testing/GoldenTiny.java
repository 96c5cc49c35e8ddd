package io.github.geollava.lora.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Core's committed golden tiny LLaVA-NeXT-Video fixture, read in place rather than copied into this
 * module. It was made with transformers 4.45.1 and PEFT 0.13.0 (core's {@code HOWTO.md} and
 * {@code manifest.json} give the recipe and sha256 sums): {@code model/} (config.json,
 * model.safetensors), {@code lora_adapter/} from PEFT's {@code save_pretrained} (r=4, alpha=8,
 * gaussian init, then every lora_B set to 0.1*N, seed 3) and raw little-endian {@code tensors/}
 * ({@code input_ids}/{@code attention_mask} int64 [1,45], {@code pixel_values_videos} f32
 * [1,2,3,56,56], {@code logits}/{@code lora_logits}/{@code merged_logits} f32 [1,45,128],
 * {@code lora_generate_new_ids} int64 [1,10]).
 */
public final class GoldenTiny {

  /** Surefire runs with this module's folder as the working directory, so core is a sibling. */
  private static final Path ROOT =
      Path.of("..", "geollava-core", "src", "test", "resources", "golden", "llava_tiny");

  private GoldenTiny() {}

  /** The fixture's root folder (holds {@code model/}, {@code lora_adapter/} and {@code tensors/}). */
  public static Path root() {
    if (!Files.isRegularFile(ROOT.resolve("manifest.json"))) {
      throw new IllegalStateException("golden fixture not found at " + ROOT.toAbsolutePath()
          + ": run the tests from the geollava-lora module folder (Maven does)");
    }
    return ROOT;
  }
}
