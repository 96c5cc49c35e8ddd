package io.github.geollava.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Jackson boundary shared by the Hugging Face config records: one mapper, defaults merged under the
 * keys a file leaves out (Hugging Face's {@code save_pretrained} writes only the differences from the
 * class defaults), and validation errors unwrapped so that the record's own message reaches the caller.
 */
final class ConfigJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ConfigJson() {}

  /** A copy of {@code defaults} overlaid with every field of {@code node} (null values kept as given). */
  static ObjectNode withDefaults(JsonNode node, ObjectNode defaults, String what) {
    if (node != null && !node.isNull() && !node.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object, got " + node.getNodeType());
    }
    ObjectNode merged = defaults.deepCopy();
    if (node != null && node.isObject()) {
      merged.setAll((ObjectNode) node.deepCopy());
    }
    return merged;
  }

  /**
   * Parses a LLaVA-family {@code config.json}: top-level defaults, then the nested CLIP
   * {@code vision_config} (with the family's vision defaults) and LLaMA {@code text_config}.
   */
  static <T> T llavaFamily(
      JsonNode node, ObjectNode defaults, ObjectNode visionDefaults, Class<T> type) {
    ObjectNode merged = withDefaults(node, defaults, "config.json");
    merged.set("vision_config",
        ClipVisionConfig.fromJson(node.get("vision_config"), visionDefaults).toJson());
    merged.set("text_config", LlamaConfig.fromJson(node.get("text_config")).toJson());
    return convert(merged, type, "config.json");
  }

  /** Converts a defaulted tree to a record, surfacing the compact constructor's message. */
  static <T> T convert(ObjectNode merged, Class<T> type, String what) {
    try {
      return MAPPER.treeToValue(merged, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Throwable t = e;
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      String msg = t instanceof IllegalArgumentException ? t.getMessage() : originalMessage(e);
      throw new IllegalArgumentException(what + ": " + msg, e);
    }
  }

  private static String originalMessage(Exception e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  /** An immutable copy of the unknown keys, in file order. */
  static Map<String, Object> freeze(Map<String, Object> extras) {
    return extras == null
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** Serialises a record to a JSON tree, with its unknown keys after the known ones. */
  static ObjectNode toTree(Object record) {
    return MAPPER.valueToTree(record);
  }

  /** Pretty-printed JSON text of a tree. */
  static String toJsonString(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a config tree", e);
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
