package io.github.geollava.core.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code vision_config} of a LLaVA checkpoint: a CLIP vision transformer
 * ({@code CLIPVisionConfig} in transformers). Keys missing from the file take transformers' class
 * defaults; unknown keys are kept in {@link #extras()} and written back by {@link #toJson()}.
 *
 * @param modelType {@code model_type}, normally {@code clip_vision_model}
 * @param hiddenSize {@code hidden_size}: width of the tower
 * @param intermediateSize {@code intermediate_size}: MLP width
 * @param numHiddenLayers {@code num_hidden_layers}
 * @param numAttentionHeads {@code num_attention_heads}; must divide the hidden size
 * @param numChannels {@code num_channels} of the input pixels
 * @param imageSize {@code image_size} in pixels (square)
 * @param patchSize {@code patch_size}; must divide the image size
 * @param hiddenAct {@code hidden_act}: {@code quick_gelu} for CLIP, {@code gelu} for others
 * @param layerNormEps {@code layer_norm_eps}
 * @param attentionDropout {@code attention_dropout}
 * @param projectionDim {@code projection_dim} (unused by the vision tower itself, kept for round trips)
 * @param initializerRange {@code initializer_range}
 * @param extras every other key of the JSON object
 */
@JsonPropertyOrder(alphabetic = false)
public record ClipVisionConfig(
    @JsonProperty("model_type") String modelType,
    @JsonProperty("hidden_size") int hiddenSize,
    @JsonProperty("intermediate_size") int intermediateSize,
    @JsonProperty("num_hidden_layers") int numHiddenLayers,
    @JsonProperty("num_attention_heads") int numAttentionHeads,
    @JsonProperty("num_channels") int numChannels,
    @JsonProperty("image_size") int imageSize,
    @JsonProperty("patch_size") int patchSize,
    @JsonProperty("hidden_act") String hiddenAct,
    @JsonProperty("layer_norm_eps") double layerNormEps,
    @JsonProperty("attention_dropout") double attentionDropout,
    @JsonProperty("projection_dim") int projectionDim,
    @JsonProperty("initializer_range") double initializerRange,
    @JsonAnySetter @JsonIgnore Map<String, Object> extras) {

  /** Validates every field; the message names the field and the value found. */
  public ClipVisionConfig {
    Checks.positive("vision_config.hidden_size", hiddenSize);
    Checks.positive("vision_config.intermediate_size", intermediateSize);
    Checks.positive("vision_config.num_hidden_layers", numHiddenLayers);
    Checks.positive("vision_config.num_attention_heads", numAttentionHeads);
    Checks.positive("vision_config.num_channels", numChannels);
    Checks.positive("vision_config.image_size", imageSize);
    Checks.positive("vision_config.patch_size", patchSize);
    Checks.positive("vision_config.projection_dim", projectionDim);
    Checks.positive("vision_config.layer_norm_eps", layerNormEps);
    Checks.range("vision_config.attention_dropout", attentionDropout, 0, 1);
    if (hiddenSize % numAttentionHeads != 0) {
      throw new IllegalArgumentException("vision_config.hidden_size " + hiddenSize
          + " is not divisible by vision_config.num_attention_heads " + numAttentionHeads);
    }
    if (imageSize % patchSize != 0) {
      throw new IllegalArgumentException("vision_config.image_size " + imageSize
          + " is not divisible by vision_config.patch_size " + patchSize);
    }
    Checks.oneOf("vision_config.hidden_act", hiddenAct, "quick_gelu", "gelu", "gelu_new", "relu", "silu");
    modelType = modelType == null ? "clip_vision_model" : modelType;
    extras = ConfigJson.freeze(extras);
  }

  /** Transformers' {@code CLIPVisionConfig} defaults (ViT-B/32). */
  static ObjectNode defaults() {
    ObjectNode d = ConfigJson.object();
    d.put("model_type", "clip_vision_model");
    d.put("hidden_size", 768);
    d.put("intermediate_size", 3072);
    d.put("num_hidden_layers", 12);
    d.put("num_attention_heads", 12);
    d.put("num_channels", 3);
    d.put("image_size", 224);
    d.put("patch_size", 32);
    d.put("hidden_act", "quick_gelu");
    d.put("layer_norm_eps", 1e-5);
    d.put("attention_dropout", 0.0);
    d.put("projection_dim", 512);
    d.put("initializer_range", 0.02);
    return d;
  }

  /**
   * The CLIP ViT-L/14 defaults that LLaVA-family configs apply when {@code vision_config} leaves keys
   * out; only the input resolution differs between families (336 px LLaVA-NeXT, 224 px Video-LLaVA).
   */
  static ObjectNode vitLarge14Defaults(int imageSize) {
    ObjectNode d = defaults();
    d.put("hidden_size", 1024);
    d.put("intermediate_size", 4096);
    d.put("num_hidden_layers", 24);
    d.put("num_attention_heads", 16);
    d.put("image_size", imageSize);
    d.put("patch_size", 14);
    d.put("projection_dim", 768);
    return d;
  }

  /**
   * Parses a {@code vision_config} object, filling absent keys from {@code defaults}.
   *
   * @param node the JSON object (null for all defaults)
   * @param defaults the defaults of the enclosing family (LLaVA overrides CLIP's)
   * @return the config
   */
  static ClipVisionConfig fromJson(JsonNode node, ObjectNode defaults) {
    ObjectNode merged = ConfigJson.withDefaults(node, defaults, "vision_config");
    return ConfigJson.convert(merged, ClipVisionConfig.class, "vision_config");
  }

  /** Head width: {@code hidden_size / num_attention_heads}. */
  public int headDim() {
    return hiddenSize / numAttentionHeads;
  }

  /** Patches per image side: {@code image_size / patch_size}. */
  public int gridSize() {
    return imageSize / patchSize;
  }

  /** Positions of the tower: one per patch plus the class token. */
  public int numPositions() {
    return gridSize() * gridSize() + 1;
  }

  /** The unknown keys, written back after the known ones. */
  @JsonAnyGetter
  public Map<String, Object> extrasForJson() {
    return extras;
  }

  /** The config as a JSON object (known keys, then the unknown ones). */
  public ObjectNode toJson() {
    return ConfigJson.toTree(this);
  }
}
