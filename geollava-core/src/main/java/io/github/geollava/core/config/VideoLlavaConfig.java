package io.github.geollava.core.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * {@code config.json} of the Video-LLaVA family ({@code model_type} {@code video_llava}, e.g.
 * {@code LanguageBind/Video-LLaVA-7B-hf}): LanguageBind image and video towers (CLIP ViT-L/14 at 224 px
 * in the file's {@code vision_config}), a projector and a LLaMA decoder. Parsed and validated only: the
 * model itself is not implemented (see the module notes for the plan). Unknown keys are kept.
 *
 * @param modelType {@code model_type}: {@code video_llava}
 * @param visionConfig {@code vision_config} (shared by the image and the video tower)
 * @param textConfig {@code text_config}
 * @param ignoreIndex {@code ignore_index}
 * @param imageTokenIndex {@code image_token_index}
 * @param videoTokenIndex {@code video_token_index}
 * @param projectorHiddenAct {@code projector_hidden_act}
 * @param visionFeatureSelectStrategy {@code vision_feature_select_strategy} (images; video features
 *     keep the class token)
 * @param visionFeatureLayer {@code vision_feature_layer}
 * @param imageSeqLength {@code image_seq_length} (256 patches)
 * @param videoSeqLength {@code video_seq_length} (8 frames x 257 tokens)
 * @param extras every other key of the JSON object
 */
public record VideoLlavaConfig(
    @JsonProperty("model_type") String modelType,
    @JsonProperty("vision_config") ClipVisionConfig visionConfig,
    @JsonProperty("text_config") LlamaConfig textConfig,
    @JsonProperty("ignore_index") int ignoreIndex,
    @JsonProperty("image_token_index") int imageTokenIndex,
    @JsonProperty("video_token_index") int videoTokenIndex,
    @JsonProperty("projector_hidden_act") String projectorHiddenAct,
    @JsonProperty("vision_feature_select_strategy") String visionFeatureSelectStrategy,
    @JsonProperty("vision_feature_layer") int visionFeatureLayer,
    @JsonProperty("image_seq_length") int imageSeqLength,
    @JsonProperty("video_seq_length") int videoSeqLength,
    @JsonAnySetter @JsonIgnore Map<String, Object> extras) {

  /** The {@code model_type} this record parses. */
  public static final String MODEL_TYPE = "video_llava";

  /** Validates every field; messages name the field and the value found. */
  public VideoLlavaConfig {
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
    Checks.positive("image_seq_length", imageSeqLength);
    Checks.positive("video_seq_length", videoSeqLength);
    extras = ConfigJson.freeze(extras);
  }

  static ObjectNode defaults() {
    ObjectNode d = ConfigJson.object();
    d.put("model_type", MODEL_TYPE);
    d.put("ignore_index", -100);
    d.put("image_token_index", 32000);
    d.put("video_token_index", 32001);
    d.put("projector_hidden_act", "gelu");
    d.put("vision_feature_select_strategy", "default");
    d.put("vision_feature_layer", -2);
    d.put("image_seq_length", 256);
    d.put("video_seq_length", 2056);
    return d;
  }

  /** Video-LLaVA's vision defaults: CLIP ViT-L/14 at 224 px (LanguageBind's towers). */
  static ObjectNode visionDefaults() {
    return ClipVisionConfig.vitLarge14Defaults(224);
  }

  /**
   * Parses a whole {@code config.json} object.
   *
   * @param node the root object
   * @return the config
   */
  public static VideoLlavaConfig fromJson(JsonNode node) {
    return ConfigJson.llavaFamily(node, defaults(), visionDefaults(), VideoLlavaConfig.class);
  }

  /** Tokens per video frame: the whole patch grid plus the class token, which video features keep. */
  public int videoTokensPerFrame() {
    return visionConfig.gridSize() * visionConfig.gridSize() + 1;
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
}
