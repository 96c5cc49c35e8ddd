package io.github.geollava.lora.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps {@link LoraConfig} to and from PEFT's {@code adapter_config.json} (PEFT 0.13 keys, sorted as
 * PEFT writes them). Keys PEFT writes that have no meaning here ({@code fan_in_fan_out},
 * {@code use_dora}, {@code layer_replication}, ...) are written with PEFT's defaults and, when read,
 * must hold those defaults: a config needing DoRA or fan-in-fan-out is rejected rather than silently
 * mis-applied.
 */
public final class LoraConfigJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LoraConfigJson() {}

  /**
   * Parses {@code adapter_config.json} text.
   *
   * @param json the file's content
   * @param source a name for messages (usually the file path)
   * @throws IllegalArgumentException naming the source and the field on any bad value
   */
  public static LoraConfig parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(source + ": expected a JSON object");
    }
    try {
      return fromTree(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static LoraConfig fromTree(JsonNode n) {
    String peftType = text(n, "peft_type", "LORA");
    if (!"LORA".equals(peftType)) {
      throw new IllegalArgumentException("peft_type: expected LORA but found " + peftType);
    }
    requireDefault(n, "use_dora", false);
    requireDefault(n, "fan_in_fan_out", false);
    LoraConfig.Builder b = LoraConfig.builder()
        .setR(n.path("r").asInt(8))
        .optLoraAlpha(n.path("lora_alpha").asDouble(8))
        .optLoraDropout(n.path("lora_dropout").asDouble(0))
        .optBias(BiasMode.parse(text(n, "bias", "none")))
        .optUseRslora(n.path("use_rslora").asBoolean(false))
        .optTaskType(nullableText(n, "task_type"))
        .optBaseModelNameOrPath(nullableText(n, "base_model_name_or_path"));
    b.setTargetModules(selector(n.get("target_modules"), "target_modules"));
    JsonNode ex = n.get("exclude_modules");
    if (ex != null && !ex.isNull()) {
      b.optExcludeModules(selector(ex, "exclude_modules"));
    }
    JsonNode init = n.get("init_lora_weights");
    if (init == null || init.isNull() || (init.isBoolean() && init.booleanValue())) {
      b.optInitLoraWeights(InitLoraWeights.KAIMING);
    } else if (init.isBoolean()) {
      b.optInitLoraWeights(InitLoraWeights.RANDOM);
    } else if ("gaussian".equals(init.asText())) {
      b.optInitLoraWeights(InitLoraWeights.GAUSSIAN);
    } else {
      throw new IllegalArgumentException("init_lora_weights: supported are true, false and "
          + "\"gaussian\" but found " + init);
    }
    b.optModulesToSave(strings(n.get("modules_to_save"), "modules_to_save"));
    JsonNode layers = n.get("layers_to_transform");
    if (layers != null && !layers.isNull()) {
      List<Integer> idx = new ArrayList<>();
      if (layers.isInt()) {
        idx.add(layers.intValue());
      } else if (layers.isArray()) {
        layers.forEach(x -> idx.add(x.asInt()));
      } else {
        throw new IllegalArgumentException("layers_to_transform: expected an int or a list but found " + layers);
      }
      b.optLayersToTransform(idx);
    }
    JsonNode lp = n.get("layers_pattern");
    if (lp != null && !lp.isNull()) {
      b.optLayersPattern(lp.isTextual() ? List.of(lp.asText()) : strings(lp, "layers_pattern"));
    }
    for (Map.Entry<String, JsonNode> e : n.path("rank_pattern").properties()) {
      b.optRankPattern(e.getKey(), e.getValue().asInt());
    }
    for (Map.Entry<String, JsonNode> e : n.path("alpha_pattern").properties()) {
      b.optAlphaPattern(e.getKey(), e.getValue().asDouble());
    }
    return b.build();
  }

  private static ModuleSelector selector(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + ": required but missing");
    }
    if (v.isTextual()) {
      return "all-linear".equals(v.asText())
          ? ModuleSelector.allLinear()
          : ModuleSelector.regex(v.asText());
    }
    return new ModuleSelector.Names(strings(v, field));
  }

  private static List<String> strings(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(field + ": expected a list of strings but found " + v);
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static String text(JsonNode n, String field, String dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  private static String nullableText(JsonNode n, String field) {
    return text(n, field, null);
  }

  private static void requireDefault(JsonNode n, String field, boolean dflt) {
    JsonNode v = n.get(field);
    if (v != null && !v.isNull() && v.asBoolean() != dflt) {
      throw new IllegalArgumentException(field + ": " + v + " is not supported (only " + dflt + ")");
    }
  }

  /** Writes {@code config} as PEFT's {@code adapter_config.json} (sorted keys, indent 2). */
  public static String write(LoraConfig config) {
    Map<String, Object> m = new TreeMap<>();
    m.put("alpha_pattern", new TreeMap<>(config.alphaPattern()));
    m.put("auto_mapping", null);
    m.put("base_model_name_or_path", config.baseModelNameOrPath());
    m.put("bias", config.bias().peftName());
    m.put("exclude_modules", selectorValue(config.excludeModules()));
    m.put("fan_in_fan_out", false);
    m.put("inference_mode", true);
    m.put("init_lora_weights", switch (config.initLoraWeights()) {
      case KAIMING -> Boolean.TRUE;
      case RANDOM -> Boolean.FALSE;
      case GAUSSIAN -> "gaussian";
    });
    m.put("layer_replication", null);
    m.put("layers_pattern", config.layersPattern().isEmpty() ? null : config.layersPattern());
    m.put("layers_to_transform",
        config.layersToTransform().isEmpty() ? null : config.layersToTransform());
    m.put("loftq_config", Map.of());
    m.put("lora_alpha", number(config.loraAlpha()));
    m.put("lora_dropout", config.loraDropout());
    m.put("megatron_config", null);
    m.put("megatron_core", "megatron.core");
    m.put("modules_to_save", config.modulesToSave().isEmpty() ? null : config.modulesToSave());
    m.put("peft_type", "LORA");
    m.put("r", config.r());
    m.put("rank_pattern", new TreeMap<>(config.rankPattern()));
    m.put("revision", null);
    m.put("target_modules", selectorValue(config.targetModules()));
    m.put("task_type", config.taskType());
    m.put("use_dora", false);
    m.put("use_rslora", config.useRslora());
    try {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      return JSON.writer(pp).writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise LoRA config " + config, e);
    }
  }

  private static Object number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? (Object) (long) v : (Object) v;
  }

  private static Object selectorValue(ModuleSelector s) {
    if (s == null) {
      return null;
    }
    if (s instanceof ModuleSelector.Names names) {
      return names.names();
    }
    if (s instanceof ModuleSelector.Regex rx) {
      return rx.regex();
    }
    return "all-linear";
  }

  /** The config as a JSON tree (for provenance records). */
  public static ObjectNode tree(LoraConfig config) {
    try {
      return (ObjectNode) JSON.readTree(write(config));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
