package io.github.geollava.core.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code config.json} of a LLaVA-NeXT-Video checkpoint ({@code model_type} {@code llava_next_video},
 * e.g. {@code llava-hf/LLaVA-NeXT-Video-7B-hf}): a CLIP vision tower, a 2-layer projector and a LLaMA
 * decoder. Keys missing from the file take transformers' {@code LlavaNextVideoConfig} defaults; unknown
 * keys ({@code architectures}, {@code torch_dtype}, {@code transformers_version}, ...) are kept in
 * {@link #extras()} and written back by {@link #toJson()}.
 *
 * @param modelType {@code model_type}: {@code llava_next_video}
 * @param visionConfig {@code vision_config}
 * @param textConfig {@code text_config}
 * @param ignoreIndex {@code ignore_index}: the label id excluded from the loss
 * @param imageTokenIndex {@code image_token_index}: id of {@code <image>}
 * @param videoTokenIndex {@code video_token_index}: id of {@code <video>}
 * @param projectorHiddenAct {@code projector_hidden_act}: {@code gelu} (erf)
 * @param visionFeatureSelectStrategy {@code vision_feature_select_strategy}: {@code default} drops the
 *     class token, {@code full} keeps it
 * @param visionFeatureLayer {@code vision_feature_layer}: index into the tower's hidden states, negative
 *     from the end (-2 = output of the second-to-last layer)
 * @param imageGridPinpoints {@code image_grid_pinpoints} (image path only; kept for round trips)
 * @param tieWordEmbeddings {@code tie_word_embeddings}
 * @param spatialPoolMode {@code spatial_pool_mode}: {@code average}, {@code max} or {@code conv}
 * @param spatialPoolStride {@code spatial_pool_stride}
 * @param imageSeqLength {@code image_seq_length}
 * @param videoSeqLength {@code video_seq_length}
 * @param extras every other key of the JSON object
 */
public record LlavaNextVideoConfig(
    @JsonProperty("model_type") String modelType,
    @JsonProperty("vision_config") ClipVisionConfig visionConfig,
    @JsonProperty("text_config") LlamaConfig textConfig,
    @JsonProperty("ignore_index") int ignoreIndex,
    @JsonProperty("image_token_index") int imageTokenIndex,
    @JsonProperty("video_token_index") int videoTokenIndex,
    @JsonProperty("projector_hidden_act") String projectorHiddenAct,
    @JsonProperty("vision_feature_select_strategy") String visionFeatureSelectStrategy,
    @JsonProperty("vision_feature_layer") int visionFeatureLayer,
    @JsonProperty("image_grid_pinpoints") List<List<Integer>> imageGridPinpoints,
    @JsonProperty("tie_word_embeddings") boolean tieWordEmbeddings,
    @JsonProperty("spatial_pool_mode") String spatialPoolMode,
    @JsonProperty("spatial_pool_stride") int spatialPoolStride,
    @JsonProperty("image_seq_length") int imageSeqLength,
    @JsonProperty("video_seq_length") int videoSeqLength,
    @JsonAnySetter @JsonIgnore Map<String, Object> extras) {

  /** The {@code model_type} this record parses. */
  public static final String MODEL_TYPE = "llava_next_video";

  /** Validates every field; messages name the field and the value found. */
  public LlavaNextVideoConfig {
    modelType = modelType == null ? MODEL_TYPE : modelType;
    if (!MODEL_TYPE.equals(modelType)) {
      throw new IllegalArgumentException(
          "model_type must be '" + MODEL_TYPE + "', got " + Checks.quote(modelType));
    }
    Objects.requireNonNull(visionConfig, "vision_config");
    Objects.requireNonNull(textConfig, "text_config");
    Checks.nonNegative("image_token_index", imageTokenIndex);
    Checks.nonNegative("video_token_index", videoTokenIndex);
    Checks.oneOf("projector_hidden_act", projectorHiddenAct, "gelu");
    Checks.oneOf("vision_feature_select_strategy", visionFeatureSelectStrategy, "default", "full");
    Checks.visionFeatureLayer(visionFeatureLayer, visionConfig);
    imageGridPinpoints = imageGridPinpoints == null
        ? List.of()
        : imageGridPinpoints.stream().map(List::copyOf).toList();
    Checks.oneOf("spatial_pool_mode", spatialPoolMode, "average", "max", "conv");
    Checks.positive("spatial_pool_stride", spatialPoolStride);
    Checks.positive("image_seq_length", imageSeqLength);
    Checks.positive("video_seq_length", videoSeqLength);
    extras = ConfigJson.freeze(extras);
  }

  /** Transformers' {@code LlavaNextVideoConfig} defaults (the 7B checkpoint's values). */
  static ObjectNode defaults() {
    ObjectNode d = ConfigJson.object();
    d.put("model_type", MODEL_TYPE);
    d.put("ignore_index", -100);
    d.put("image_token_index", 32001);
    d.put("video_token_index", 32000);
    d.put("projector_hidden_act", "gelu");
    d.put("vision_feature_select_strategy", "default");
    d.put("vision_feature_layer", -2);
    d.set("image_grid_pinpoints", ConfigJson.MAPPER.valueToTree(
        List.of(List.of(336, 672), List.of(672, 336), List.of(672, 672), List.of(1008, 336),
            List.of(336, 1008))));
    d.put("tie_word_embeddings", false);
    d.put("spatial_pool_mode", "average");
    d.put("spatial_pool_stride", 2);
    d.put("image_seq_length", 576);
    d.put("video_seq_length", 288);
    return d;
  }

  /**
   * The vision defaults LLaVA-NeXT(-Video) applies when {@code vision_config} leaves keys out: CLIP
   * ViT-L/14 at 336 px.
   */
  static ObjectNode visionDefaults() {
    return ClipVisionConfig.vitLarge14Defaults(336);
  }

  /**
   * Parses a whole {@code config.json} object.
   *
   * @param node the root object
   * @return the config
   * @throws IllegalArgumentException naming the field for a missing or invalid value
   */
  public static LlavaNextVideoConfig fromJson(JsonNode node) {
    return ConfigJson.llavaFamily(node, defaults(), visionDefaults(), LlavaNextVideoConfig.class);
  }

  /** Hidden states the tower produces: the embeddings plus one per layer. */
  public int visionHiddenStates() {
    return visionConfig.numHiddenLayers() + 1;
  }

  /** {@link #visionFeatureLayer()} as a non-negative index into the tower's hidden states. */
  public int visionFeatureLayerIndex() {
    return visionFeatureLayer < 0 ? visionHiddenStates() + visionFeatureLayer : visionFeatureLayer;
  }

  /** Video tokens each frame contributes: the patch grid after the class token is dropped and pooled. */
  public int videoTokensPerFrame() {
    int grid = visionConfig.gridSize();
    int pooled = grid / spatialPoolStride;
    return pooled * pooled;
  }

  /** The unknown keys, written back after the known ones. */
  @JsonAnyGetter
  public Map<String, Object> extrasForJson() {
    return extras;
  }

  /** The config as a {@code config.json} object. */
  public ObjectNode toJson() {
    return ConfigJson.toTree(this);
  }

  /** The config as {@code config.json} text (pretty-printed). */
  public String toJsonString() {
    return ConfigJson.toJsonString(toJson());
  }
}
