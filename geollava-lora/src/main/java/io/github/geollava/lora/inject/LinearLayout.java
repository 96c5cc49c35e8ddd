package io.github.geollava.lora.inject;

import io.github.geollava.lora.config.LoraConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The linear layers of a model as (path, in, out) triples, so LoRA's trainable-parameter count can
 * be computed for configurations far too large to allocate (the 7B), with the same PEFT matching
 * the injector uses: a wrapped layer adds {@code r * (in + out)} parameters.
 */
public final class LinearLayout {

  /**
   * One linear layer.
   *
   * @param path its Hugging Face module path
   * @param in input features
   * @param out output features
   */
  public record Linear(String path, long in, long out) {}

  private final List<Linear> layers;

  private LinearLayout(List<Linear> layers) {
    this.layers = List.copyOf(layers);
  }

  /** The layers, in model order. */
  public List<Linear> layers() {
    return layers;
  }

  /**
   * The linear layers of a LLaVA-NeXT-Video model (transformers 4.45 names): CLIP vision encoder
   * ({@code q/k/v/out_proj}, {@code fc1}, {@code fc2} per layer), projector ({@code linear_1},
   * {@code linear_2}), LLaMA decoder ({@code q/k/v/o_proj}, {@code gate/up/down_proj}) and
   * {@code lm_head}.
   */
  public static LinearLayout llavaNextVideo(int visionLayers, int visionHidden, int visionIntermediate,
      int textLayers, int hidden, int intermediate, int heads, int kvHeads, int vocab) {
    List<Linear> l = new ArrayList<>();
    for (int i = 0; i < visionLayers; i++) {
      String p = "vision_tower.vision_model.encoder.layers." + i + ".";
      for (String n : new String[] {"k_proj", "v_proj", "q_proj", "out_proj"}) {
        l.add(new Linear(p + "self_attn." + n, visionHidden, visionHidden));
      }
      l.add(new Linear(p + "mlp.fc1", visionHidden, visionIntermediate));
      l.add(new Linear(p + "mlp.fc2", visionIntermediate, visionHidden));
    }
    l.add(new Linear("multi_modal_projector.linear_1", visionHidden, hidden));
    l.add(new Linear("multi_modal_projector.linear_2", hidden, hidden));
    long headDim = hidden / heads;
    for (int i = 0; i < textLayers; i++) {
      String p = "language_model.model.layers." + i + ".";
      l.add(new Linear(p + "self_attn.q_proj", hidden, heads * headDim));
      l.add(new Linear(p + "self_attn.k_proj", hidden, kvHeads * headDim));
      l.add(new Linear(p + "self_attn.v_proj", hidden, kvHeads * headDim));
      l.add(new Linear(p + "self_attn.o_proj", heads * headDim, hidden));
      l.add(new Linear(p + "mlp.gate_proj", hidden, intermediate));
      l.add(new Linear(p + "mlp.up_proj", hidden, intermediate));
      l.add(new Linear(p + "mlp.down_proj", intermediate, hidden));
    }
    l.add(new Linear("language_model.lm_head", hidden, vocab));
    return new LinearLayout(l);
  }

  /**
   * {@code llava-hf/LLaVA-NeXT-Video-7B-hf}: CLIP ViT-L/14-336 (24 layers, 1024, 4096) and a
   * Vicuna-7B decoder (32 layers, 4096, 11008, 32 heads, 32 KV heads, vocabulary 32064).
   */
  public static LinearLayout llavaNextVideo7B() {
    return llavaNextVideo(24, 1024, 4096, 32, 4096, 11008, 32, 32, 32064);
  }

  /**
   * Parameters LoRA adds under {@code config} (ranks from {@code rank_pattern} included), without
   * allocating anything.
   *
   * @param config the LoRA config
   * @param excludedPrefixes module path prefixes kept free of adapters (e.g. {@code vision_tower})
   */
  public long loraParameters(LoraConfig config, String... excludedPrefixes) {
    long n = 0;
    for (Linear lin : layers) {
      if (excluded(lin.path(), excludedPrefixes) || !config.targets(lin.path())) {
        continue;
      }
      n += (long) config.rankFor(lin.path()) * (lin.in() + lin.out());
    }
    return n;
  }

  /** Number of layers {@code config} wraps. */
  public int wrappedLayers(LoraConfig config, String... excludedPrefixes) {
    int n = 0;
    for (Linear lin : layers) {
      if (!excluded(lin.path(), excludedPrefixes) && config.targets(lin.path())) {
        n++;
      }
    }
    return n;
  }

  private static boolean excluded(String path, String[] prefixes) {
    for (String p : prefixes) {
      if (path.equals(p) || path.startsWith(p + ".")) {
        return true;
      }
    }
    return false;
  }
}
