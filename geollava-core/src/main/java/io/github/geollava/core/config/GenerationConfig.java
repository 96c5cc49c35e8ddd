package io.github.geollava.core.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * {@code generation_config.json}: the decoding defaults a checkpoint ships with. Absent keys take
 * transformers' {@code GenerationConfig} defaults; unknown keys are kept in {@link #extras()}.
 *
 * @param bosTokenId {@code bos_token_id} (may be null)
 * @param eosTokenId {@code eos_token_id}: one id or a list in the file, always a list here
 * @param padTokenId {@code pad_token_id} (may be null)
 * @param maxLength {@code max_length}: prompt plus new tokens
 * @param maxNewTokens {@code max_new_tokens} (null when only {@code max_length} is set)
 * @param doSample {@code do_sample}
 * @param temperature {@code temperature}
 * @param topK {@code top_k} (0 disables)
 * @param topP {@code top_p} (1 disables)
 * @param repetitionPenalty {@code repetition_penalty} (1 disables)
 * @param extras every other key of the JSON object
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationConfig(
    @JsonProperty("bos_token_id") Integer bosTokenId,
    @JsonProperty("eos_token_id")
        @JsonFormat(with = {
          JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
          JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED
        })
        List<Integer> eosTokenId,
    @JsonProperty("pad_token_id") Integer padTokenId,
    @JsonProperty("max_length") int maxLength,
    @JsonProperty("max_new_tokens") Integer maxNewTokens,
    @JsonProperty("do_sample") boolean doSample,
    @JsonProperty("temperature") double temperature,
    @JsonProperty("top_k") int topK,
    @JsonProperty("top_p") double topP,
    @JsonProperty("repetition_penalty") double repetitionPenalty,
    @JsonAnySetter @JsonIgnore Map<String, Object> extras) {

  /** Validates every field; messages name the field and the value found. */
  public GenerationConfig {
    eosTokenId = eosTokenId == null ? List.of() : List.copyOf(eosTokenId);
    Checks.positive("max_length", maxLength);
    if (maxNewTokens != null) {
      Checks.positive("max_new_tokens", maxNewTokens);
    }
    Checks.positive("temperature", temperature);
    Checks.nonNegative("top_k", topK);
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
    }
    Checks.positive("repetition_penalty", repetitionPenalty);
    extras = ConfigJson.freeze(extras);
  }

  static ObjectNode defaults() {
    ObjectNode d = ConfigJson.object();
    d.putNull("bos_token_id");
    d.putNull("eos_token_id");
    d.putNull("pad_token_id");
    d.put("max_length", 20);
    d.putNull("max_new_tokens");
    d.put("do_sample", false);
    d.put("temperature", 1.0);
    d.put("top_k", 50);
    d.put("top_p", 1.0);
    d.put("repetition_penalty", 1.0);
    return d;
  }

  /**
   * Parses a {@code generation_config.json} object.
   *
   * @param node the root object
   * @return the config
   */
  public static GenerationConfig fromJson(JsonNode node) {
    ObjectNode merged = ConfigJson.withDefaults(node, defaults(), "generation_config.json");
    return ConfigJson.convert(merged, GenerationConfig.class, "generation_config.json");
  }

  /** Transformers' defaults: greedy, 20 tokens in all, no special ids. */
  public static GenerationConfig defaultConfig() {
    return fromJson(ConfigJson.object());
  }

  /** The unknown keys, written back after the known ones. */
  @JsonAnyGetter
  public Map<String, Object> extrasForJson() {
    return extras;
  }

  /** The config as a {@code generation_config.json} object. */
  public ObjectNode toJson() {
    return ConfigJson.toTree(this);
  }
}
