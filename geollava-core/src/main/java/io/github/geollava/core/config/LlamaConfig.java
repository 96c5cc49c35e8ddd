package io.github.geollava.core.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code text_config} of a LLaVA checkpoint: a LLaMA decoder ({@code LlamaConfig} in transformers).
 * Keys missing from the file take transformers' class defaults; unknown keys are kept in
 * {@link #extras()}.
 *
 * @param modelType {@code model_type}, normally {@code llama}
 * @param vocabSize {@code vocab_size}
 * @param hiddenSize {@code hidden_size}
 * @param intermediateSize {@code intermediate_size}: MLP width
 * @param numHiddenLayers {@code num_hidden_layers}
 * @param numAttentionHeads {@code num_attention_heads}
 * @param numKeyValueHeads {@code num_key_value_heads}: fewer than the heads for grouped-query attention
 *     (absent means equal to the heads)
 * @param headDim {@code head_dim} (absent means {@code hidden_size / num_attention_heads})
 * @param hiddenAct {@code hidden_act}: {@code silu}
 * @param maxPositionEmbeddings {@code max_position_embeddings}
 * @param rmsNormEps {@code rms_norm_eps}
 * @param ropeTheta {@code rope_theta}
 * @param ropeScaling {@code rope_scaling}: null, or an object with {@code type}/{@code rope_type} and
 *     {@code factor}
 * @param attentionBias {@code attention_bias}: biases on q/k/v/o
 * @param mlpBias {@code mlp_bias}: biases on gate/up/down
 * @param tieWordEmbeddings {@code tie_word_embeddings}
 * @param bosTokenId {@code bos_token_id} (may be null)
 * @param eosTokenId {@code eos_token_id}: one id or a list in the file, always a list here
 * @param padTokenId {@code pad_token_id} (may be null)
 * @param initializerRange {@code initializer_range}
 * @param extras every other key of the JSON object
 */
public record LlamaConfig(
    @JsonProperty("model_type") String modelType,
    @JsonProperty("vocab_size") int vocabSize,
    @JsonProperty("hidden_size") int hiddenSize,
    @JsonProperty("intermediate_size") int intermediateSize,
    @JsonProperty("num_hidden_layers") int numHiddenLayers,
    @JsonProperty("num_attention_heads") int numAttentionHeads,
    @JsonProperty("num_key_value_heads") Integer numKeyValueHeads,
    @JsonProperty("head_dim") Integer headDim,
    @JsonProperty("hidden_act") String hiddenAct,
    @JsonProperty("max_position_embeddings") int maxPositionEmbeddings,
    @JsonProperty("rms_norm_eps") double rmsNormEps,
    @JsonProperty("rope_theta") double ropeTheta,
    @JsonProperty("rope_scaling") @JsonInclude(JsonInclude.Include.ALWAYS)
        Map<String, Object> ropeScaling,
    @JsonProperty("attention_bias") boolean attentionBias,
    @JsonProperty("mlp_bias") boolean mlpBias,
    @JsonProperty("tie_word_embeddings") boolean tieWordEmbeddings,
    @JsonProperty("bos_token_id") Integer bosTokenId,
    @JsonProperty("eos_token_id")
        @JsonFormat(with = {
          JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
          JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED
        })
        List<Integer> eosTokenId,
    @JsonProperty("pad_token_id") Integer padTokenId,
    @JsonProperty("initializer_range") double initializerRange,
    @JsonAnySetter @JsonIgnore Map<String, Object> extras) {

  /** Validates every field and resolves the optional ones; messages name the field and the value. */
  public LlamaConfig {
    modelType = modelType == null ? "llama" : modelType;
    Checks.positive("text_config.vocab_size", vocabSize);
    Checks.positive("text_config.hidden_size", hiddenSize);
    Checks.positive("text_config.intermediate_size", intermediateSize);
    Checks.positive("text_config.num_hidden_layers", numHiddenLayers);
    Checks.positive("text_config.num_attention_heads", numAttentionHeads);
    numKeyValueHeads = numKeyValueHeads == null ? numAttentionHeads : numKeyValueHeads;
    Checks.positive("text_config.num_key_value_heads", numKeyValueHeads);
    if (numAttentionHeads % numKeyValueHeads != 0) {
      throw new IllegalArgumentException("text_config.num_attention_heads " + numAttentionHeads
          + " is not a multiple of text_config.num_key_value_heads " + numKeyValueHeads);
    }
    if (headDim == null) {
      if (hiddenSize % numAttentionHeads != 0) {
        throw new IllegalArgumentException("text_config.hidden_size " + hiddenSize
            + " is not divisible by text_config.num_attention_heads " + numAttentionHeads
            + " and no head_dim is given");
      }
      headDim = hiddenSize / numAttentionHeads;
    }
    Checks.positive("text_config.head_dim", headDim);
    if (headDim % 2 != 0) {
      throw new IllegalArgumentException(
          "text_config.head_dim must be even for rotary embeddings, got " + headDim);
    }
    Checks.oneOf("text_config.hidden_act", hiddenAct, "silu");
    Checks.positive("text_config.max_position_embeddings", maxPositionEmbeddings);
    Checks.positive("text_config.rms_norm_eps", rmsNormEps);
    Checks.positive("text_config.rope_theta", ropeTheta);
    if (ropeScaling != null) {
      ropeScaling = Collections.unmodifiableMap(new LinkedHashMap<>(ropeScaling));
      Object f = ropeScaling.get("factor");
      if (!(f instanceof Number n) || !(n.doubleValue() >= 1.0)) {
        throw new IllegalArgumentException(
            "text_config.rope_scaling.factor must be a number >= 1, got " + Checks.quote(f));
      }
      if (!ropeScaling.containsKey("rope_type") && !ropeScaling.containsKey("type")) {
        throw new IllegalArgumentException(
            "text_config.rope_scaling needs 'rope_type' or 'type', got " + ropeScaling);
      }
    }
    eosTokenId = eosTokenId == null ? List.of() : List.copyOf(eosTokenId);
    if (bosTokenId != null) {
      Checks.nonNegative("text_config.bos_token_id", bosTokenId);
    }
    extras = ConfigJson.freeze(extras);
  }

  /** Transformers' {@code LlamaConfig} defaults (LLaMA-2 7B). */
  static ObjectNode defaults() {
    ObjectNode d = ConfigJson.object();
    d.put("model_type", "llama");
    d.put("vocab_size", 32000);
    d.put("hidden_size", 4096);
    d.put("intermediate_size", 11008);
    d.put("num_hidden_layers", 32);
    d.put("num_attention_heads", 32);
    d.putNull("num_key_value_heads");
    d.putNull("head_dim");
    d.put("hidden_act", "silu");
    d.put("max_position_embeddings", 2048);
    d.put("rms_norm_eps", 1e-6);
    d.put("rope_theta", 10000.0);
    d.putNull("rope_scaling");
    d.put("attention_bias", false);
    d.put("mlp_bias", false);
    d.put("tie_word_embeddings", false);
    d.put("bos_token_id", 1);
    d.put("eos_token_id", 2);
    d.putNull("pad_token_id");
    d.put("initializer_range", 0.02);
    return d;
  }

  /** Parses a {@code text_config} object, filling absent keys from {@link #defaults()}. */
  static LlamaConfig fromJson(JsonNode node) {
    ObjectNode merged = ConfigJson.withDefaults(node, defaults(), "text_config");
    return ConfigJson.convert(merged, LlamaConfig.class, "text_config");
  }

  /** The rotary scaling kind ({@code rope_type}, else the legacy {@code type}), or null for none. */
  public String ropeScalingType() {
    if (ropeScaling == null) {
      return null;
    }
    Object t = ropeScaling.getOrDefault("rope_type", ropeScaling.get("type"));
    return t == null ? null : t.toString();
  }

  /** The rotary scaling factor, 1 without scaling. */
  public double ropeScalingFactor() {
    return ropeScaling == null ? 1.0 : ((Number) ropeScaling.get("factor")).doubleValue();
  }

  /** Query heads per key/value head (1 without grouped-query attention). */
  public int kvGroups() {
    return numAttentionHeads / numKeyValueHeads;
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
