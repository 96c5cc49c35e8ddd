package io.github.geollava.core.model.llavanext;

import io.github.geollava.core.config.ClipVisionConfig;
import io.github.geollava.core.config.LlamaConfig;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Hugging Face checkpoint key of LLaVA-NeXT-Video with its shape, computed from the config
 * alone (no allocation), in the legacy layout of transformers 4.45 ({@code language_model.model.…},
 * {@code language_model.lm_head.weight}, {@code vision_tower.vision_model.…},
 * {@code multi_modal_projector.…}, {@code image_newline}), plus the translation from the newer layout
 * ({@code model.language_model.…}, {@code lm_head.weight}, {@code model.vision_tower.…},
 * {@code model.multi_modal_projector.…}, {@code model.image_newline}).
 *
 * <p>{@code image_newline} and {@code vision_tower.vision_model.post_layernorm.*} are loaded and saved
 * (so a checkpoint round-trips) but unused on the video path. Buffers that older transformers versions
 * wrote ({@code ….position_ids}, {@code ….rotary_emb.inv_freq}) are recognised and ignored.
 */
public final class LlavaNextVideoWeights {

  /** Key prefixes of the newer layout and their legacy equivalents, most specific first. */
  private static final List<String[]> NEW_TO_LEGACY = List.of(
      new String[] {"model.language_model.", "language_model.model."},
      new String[] {"model.vision_tower.", "vision_tower."},
      new String[] {"model.multi_modal_projector.", "multi_modal_projector."},
      new String[] {"model.vision_resampler.", "vision_resampler."},
      new String[] {"model.image_newline", "image_newline"},
      new String[] {"lm_head.", "language_model.lm_head."});

  private LlavaNextVideoWeights() {}

  /**
   * Every parameter key (legacy layout) with its shape, in module order.
   *
   * @param config the model config
   * @return key to shape; with tied embeddings {@code language_model.lm_head.weight} is still listed
   *     (the parameter exists, sharing the embedding's storage)
   */
  public static LinkedHashMap<String, long[]> expectedShapes(LlavaNextVideoConfig config) {
    LinkedHashMap<String, long[]> out = new LinkedHashMap<>();
    ClipVisionConfig v = config.visionConfig();
    LlamaConfig t = config.textConfig();
    long cv = v.hiddenSize();
    String vm = "vision_tower.vision_model.";
    out.put(vm + "embeddings.class_embedding", shape(cv));
    out.put(vm + "embeddings.patch_embedding.weight",
        shape(cv, v.numChannels(), v.patchSize(), v.patchSize()));
    out.put(vm + "embeddings.position_embedding.weight", shape(v.numPositions(), cv));
    norm(out, vm + "pre_layrnorm", cv);
    for (int i = 0; i < v.numHiddenLayers(); i++) {
      String p = vm + "encoder.layers." + i + ".";
      for (String proj : List.of("k_proj", "v_proj", "q_proj", "out_proj")) {
        linear(out, p + "self_attn." + proj, cv, cv, true);
      }
      norm(out, p + "layer_norm1", cv);
      linear(out, p + "mlp.fc1", cv, v.intermediateSize(), true);
      linear(out, p + "mlp.fc2", v.intermediateSize(), cv, true);
      norm(out, p + "layer_norm2", cv);
    }
    norm(out, vm + "post_layernorm", cv);
    long c = t.hiddenSize();
    linear(out, "multi_modal_projector.linear_1", cv, c, true);
    linear(out, "multi_modal_projector.linear_2", c, c, true);
    out.put("image_newline", shape(c));
    String lm = "language_model.model.";
    out.put(lm + "embed_tokens.weight", shape(t.vocabSize(), c));
    long q = (long) t.numAttentionHeads() * t.headDim();
    long kv = (long) t.numKeyValueHeads() * t.headDim();
    for (int i = 0; i < t.numHiddenLayers(); i++) {
      String p = lm + "layers." + i + ".";
      linear(out, p + "self_attn.q_proj", c, q, t.attentionBias());
      linear(out, p + "self_attn.k_proj", c, kv, t.attentionBias());
      linear(out, p + "self_attn.v_proj", c, kv, t.attentionBias());
      linear(out, p + "self_attn.o_proj", q, c, t.attentionBias());
      linear(out, p + "mlp.gate_proj", c, t.intermediateSize(), t.mlpBias());
      linear(out, p + "mlp.up_proj", c, t.intermediateSize(), t.mlpBias());
      linear(out, p + "mlp.down_proj", t.intermediateSize(), c, t.mlpBias());
      out.put(p + "input_layernorm.weight", shape(c));
      out.put(p + "post_attention_layernorm.weight", shape(c));
    }
    out.put(lm + "norm.weight", shape(c));
    out.put("language_model.lm_head.weight", shape(t.vocabSize(), c));
    return out;
  }

  /**
   * Number of parameters of a config, counted from the shapes without allocating anything (tied
   * embeddings counted once, as transformers' {@code num_parameters()} does).
   *
   * @param config the model config
   * @return the count
   */
  public static long parameterCount(LlavaNextVideoConfig config) {
    long n = 0;
    for (Map.Entry<String, long[]> e : expectedShapes(config).entrySet()) {
      if (isTiedHead(config, e.getKey())) {
        continue;
      }
      long k = 1;
      for (long d : e.getValue()) {
        k *= d;
      }
      n += k;
    }
    return n;
  }

  /**
   * The legacy key for a checkpoint key of either layout.
   *
   * @param key a key as found in a checkpoint
   * @return the legacy key (unchanged if already legacy)
   */
  public static String toLegacy(String key) {
    for (String[] p : NEW_TO_LEGACY) {
      if (key.startsWith(p[0])) {
        return p[1] + key.substring(p[0].length());
      }
    }
    return key;
  }

  /**
   * Whether a checkpoint key is a buffer that older transformers versions saved and that carries no
   * learned value ({@code position_ids}, rotary {@code inv_freq}).
   *
   * @param legacyKey a key in the legacy layout
   * @return true if the loader skips it
   */
  public static boolean isIgnored(String legacyKey) {
    return legacyKey.endsWith(".position_ids") || legacyKey.endsWith(".rotary_emb.inv_freq");
  }

  /**
   * Whether a key is the LM head of a config with tied embeddings (then optional in a checkpoint and
   * not written back, as transformers does).
   *
   * @param config the model config
   * @param legacyKey a legacy key
   * @return true for {@code language_model.lm_head.weight} under {@code tie_word_embeddings}
   */
  public static boolean isTiedHead(LlavaNextVideoConfig config, String legacyKey) {
    return tied(config) && "language_model.lm_head.weight".equals(legacyKey);
  }

  /** Whether the input embeddings and the LM head share one matrix. */
  static boolean tied(LlavaNextVideoConfig config) {
    return config.tieWordEmbeddings() || config.textConfig().tieWordEmbeddings();
  }

  private static void linear(Map<String, long[]> out, String path, long in, long units, boolean bias) {
    out.put(path + ".weight", shape(units, in));
    if (bias) {
      out.put(path + ".bias", shape(units));
    }
  }

  private static void norm(Map<String, long[]> out, String path, long c) {
    out.put(path + ".weight", shape(c));
    out.put(path + ".bias", shape(c));
  }

  private static long[] shape(long... dims) {
    return dims;
  }
}
