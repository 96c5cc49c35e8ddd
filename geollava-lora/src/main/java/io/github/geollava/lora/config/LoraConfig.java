package io.github.geollava.lora.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LoRA configuration with PEFT's fields and semantics (PEFT 0.13 {@code LoraConfig}); the JSON
 * mapping to {@code adapter_config.json} lives in {@link LoraConfigJson}.
 *
 * @param r the rank (PEFT {@code r}, default 8)
 * @param loraAlpha the scaling numerator ({@code lora_alpha}, default 8)
 * @param loraDropout dropout on the adapter input ({@code lora_dropout}, in [0, 1))
 * @param targetModules which modules get adapters ({@code target_modules})
 * @param excludeModules modules never adapted ({@code exclude_modules}), or null
 * @param bias which biases train ({@code bias})
 * @param useRslora scaling alpha/sqrt(r) instead of alpha/r ({@code use_rslora})
 * @param initLoraWeights how A and B start ({@code init_lora_weights})
 * @param modulesToSave modules trained fully and saved with the adapter ({@code modules_to_save})
 * @param layersToTransform layer indices to adapt, empty for all ({@code layers_to_transform})
 * @param layersPattern names of the layer list, e.g. {@code layers} ({@code layers_pattern}); empty
 *     means "any segment before the index"
 * @param rankPattern per-module rank overrides, key matched as regex {@code .*\.key$}
 *     ({@code rank_pattern})
 * @param alphaPattern per-module alpha overrides, same matching ({@code alpha_pattern})
 * @param taskType PEFT's {@code task_type}, or null
 * @param baseModelNameOrPath PEFT's {@code base_model_name_or_path}, or null
 */
public record LoraConfig(
    int r,
    double loraAlpha,
    double loraDropout,
    ModuleSelector targetModules,
    ModuleSelector excludeModules,
    BiasMode bias,
    boolean useRslora,
    InitLoraWeights initLoraWeights,
    List<String> modulesToSave,
    List<Integer> layersToTransform,
    List<String> layersPattern,
    Map<String, Integer> rankPattern,
    Map<String, Double> alphaPattern,
    String taskType,
    String baseModelNameOrPath) {

  /** Validates every field; messages name the PEFT field and the value found. */
  public LoraConfig {
    if (r <= 0) {
      throw new IllegalArgumentException("r: must be a positive rank but was " + r);
    }
    if (!(loraAlpha > 0) || Double.isInfinite(loraAlpha)) {
      throw new IllegalArgumentException("lora_alpha: must be positive and finite but was " + loraAlpha);
    }
    if (!(loraDropout >= 0 && loraDropout < 1)) {
      throw new IllegalArgumentException("lora_dropout: must be in [0, 1) but was " + loraDropout);
    }
    if (targetModules == null) {
      throw new IllegalArgumentException(
          "target_modules: required (names, a regex or \"all-linear\") but was null");
    }
    if (excludeModules instanceof ModuleSelector.AllLinear) {
      throw new IllegalArgumentException("exclude_modules: \"all-linear\" is only valid for target_modules");
    }
    if (bias == null) {
      throw new IllegalArgumentException("bias: must be none, all or lora_only but was null");
    }
    if (initLoraWeights == null) {
      throw new IllegalArgumentException("init_lora_weights: must be true, \"gaussian\" or false but was null");
    }
    modulesToSave = modulesToSave == null ? List.of() : List.copyOf(modulesToSave);
    layersToTransform = layersToTransform == null ? List.of() : List.copyOf(layersToTransform);
    for (Integer i : layersToTransform) {
      if (i < 0) {
        throw new IllegalArgumentException(
            "layers_to_transform: indices must be >= 0 but found " + i + " in " + layersToTransform);
      }
    }
    layersPattern = layersPattern == null ? List.of() : List.copyOf(layersPattern);
    if (!layersPattern.isEmpty() && layersToTransform.isEmpty()) {
      throw new IllegalArgumentException(
          "layers_pattern: " + layersPattern + " is only valid together with layers_to_transform");
    }
    // Insertion order kept: PEFT takes the first matching key.
    rankPattern = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(rankPattern == null ? Map.of() : rankPattern));
    for (Map.Entry<String, Integer> e : rankPattern.entrySet()) {
      if (e.getValue() == null || e.getValue() <= 0) {
        throw new IllegalArgumentException(
            "rank_pattern: rank for '" + e.getKey() + "' must be positive but was " + e.getValue());
      }
    }
    alphaPattern = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(alphaPattern == null ? Map.of() : alphaPattern));
    for (Map.Entry<String, Double> e : alphaPattern.entrySet()) {
      if (e.getValue() == null || !(e.getValue() > 0)) {
        throw new IllegalArgumentException(
            "alpha_pattern: alpha for '" + e.getKey() + "' must be positive but was " + e.getValue());
      }
    }
  }

  /** A builder with PEFT's defaults (r 8, alpha 8, dropout 0, bias none, Kaiming init). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.r = r;
    b.loraAlpha = loraAlpha;
    b.loraDropout = loraDropout;
    b.targetModules = targetModules;
    b.excludeModules = excludeModules;
    b.bias = bias;
    b.useRslora = useRslora;
    b.initLoraWeights = initLoraWeights;
    b.modulesToSave = modulesToSave;
    b.layersToTransform = layersToTransform;
    b.layersPattern = layersPattern;
    b.rankPattern = new LinkedHashMap<>(rankPattern);
    b.alphaPattern = new LinkedHashMap<>(alphaPattern);
    b.taskType = taskType;
    b.baseModelNameOrPath = baseModelNameOrPath;
    return b;
  }

  /**
   * Whether PEFT would put an adapter on the module at {@code path} (its type aside): the target
   * selector, then {@code layers_to_transform} (list targets only, as PEFT), then {@code exclude_modules}.
   */
  public boolean targets(String path) {
    if (excludeModules != null && excludeModules.matches(path)) {
      return false;
    }
    if (targetModules instanceof ModuleSelector.Regex rx) {
      return rx.matches(path);
    }
    if (targetModules instanceof ModuleSelector.Names names && names.names().contains(path)) {
      return true;
    }
    if (!targetModules.matches(path)) {
      return false;
    }
    if (layersToTransform.isEmpty()) {
      return true;
    }
    Integer index = layerIndex(path);
    return index != null && layersToTransform.contains(index);
  }

  private Integer layerIndex(String path) {
    if (layersPattern.isEmpty()) {
      Matcher m = Pattern.compile(".*\\.[^.]*\\.(\\d+)\\.").matcher(path);
      return m.lookingAt() ? Integer.valueOf(m.group(1)) : null;
    }
    for (String p : layersPattern) {
      Matcher m = Pattern.compile(".*\\." + p + "\\.(\\d+)\\.").matcher(path);
      if (m.lookingAt()) {
        return Integer.valueOf(m.group(1));
      }
    }
    return null;
  }

  /** The rank for a module: the first {@code rank_pattern} key matching {@code .*\.key$}, else r. */
  public int rankFor(String path) {
    String key = patternKey(rankPattern.keySet(), path);
    return key == null ? r : rankPattern.get(key);
  }

  /** The alpha for a module: the first {@code alpha_pattern} key matching, else lora_alpha. */
  public double alphaFor(String path) {
    String key = patternKey(alphaPattern.keySet(), path);
    return key == null ? loraAlpha : alphaPattern.get(key);
  }

  /** PEFT's scaling for a module: alpha / r, or alpha / sqrt(r) with rsLoRA. */
  public double scalingFor(String path) {
    int rank = rankFor(path);
    return useRslora ? alphaFor(path) / Math.sqrt(rank) : alphaFor(path) / rank;
  }

  private static String patternKey(Iterable<String> keys, String path) {
    for (String k : keys) {
      if (Pattern.compile(".*\\." + k + "$").matcher(path).lookingAt()) {
        return k;
      }
    }
    return null;
  }

  /** Builder for {@link LoraConfig}; {@link #build()} validates. */
  public static final class Builder {
    private int r = 8;
    private double loraAlpha = 8;
    private double loraDropout;
    private ModuleSelector targetModules;
    private ModuleSelector excludeModules;
    private BiasMode bias = BiasMode.NONE;
    private boolean useRslora;
    private InitLoraWeights initLoraWeights = InitLoraWeights.KAIMING;
    private List<String> modulesToSave = List.of();
    private List<Integer> layersToTransform = List.of();
    private List<String> layersPattern = List.of();
    private Map<String, Integer> rankPattern = new LinkedHashMap<>();
    private Map<String, Double> alphaPattern = new LinkedHashMap<>();
    private String taskType;
    private String baseModelNameOrPath;

    private Builder() {}

    /** Sets the rank {@code r}. */
    public Builder setR(int r) {
      this.r = r;
      return this;
    }

    /** Sets {@code lora_alpha}. */
    public Builder optLoraAlpha(double loraAlpha) {
      this.loraAlpha = loraAlpha;
      return this;
    }

    /** Sets {@code lora_dropout}. */
    public Builder optLoraDropout(double loraDropout) {
      this.loraDropout = loraDropout;
      return this;
    }

    /** Sets {@code target_modules} to a list of names (exact or suffix match). */
    public Builder setTargetModules(String... names) {
      this.targetModules = new ModuleSelector.Names(List.of(names));
      return this;
    }

    /** Sets {@code target_modules} to a selector (names, regex or all-linear). */
    public Builder setTargetModules(ModuleSelector selector) {
      this.targetModules = selector;
      return this;
    }

    /** Sets {@code exclude_modules}. */
    public Builder optExcludeModules(ModuleSelector selector) {
      this.excludeModules = selector;
      return this;
    }

    /** Sets {@code bias}. */
    public Builder optBias(BiasMode bias) {
      this.bias = bias;
      return this;
    }

    /** Sets {@code use_rslora}. */
    public Builder optUseRslora(boolean useRslora) {
      this.useRslora = useRslora;
      return this;
    }

    /** Sets {@code init_lora_weights}. */
    public Builder optInitLoraWeights(InitLoraWeights init) {
      this.initLoraWeights = init;
      return this;
    }

    /** Sets {@code modules_to_save}. */
    public Builder optModulesToSave(List<String> modules) {
      this.modulesToSave = modules;
      return this;
    }

    /** Sets {@code layers_to_transform}. */
    public Builder optLayersToTransform(List<Integer> layers) {
      this.layersToTransform = layers;
      return this;
    }

    /** Sets {@code layers_pattern}. */
    public Builder optLayersPattern(List<String> patterns) {
      this.layersPattern = patterns;
      return this;
    }

    /** Adds a {@code rank_pattern} entry. */
    public Builder optRankPattern(String key, int rank) {
      this.rankPattern.put(key, rank);
      return this;
    }

    /** Adds an {@code alpha_pattern} entry. */
    public Builder optAlphaPattern(String key, double alpha) {
      this.alphaPattern.put(key, alpha);
      return this;
    }

    /** Sets {@code task_type}. */
    public Builder optTaskType(String taskType) {
      this.taskType = taskType;
      return this;
    }

    /** Sets {@code base_model_name_or_path}. */
    public Builder optBaseModelNameOrPath(String name) {
      this.baseModelNameOrPath = name;
      return this;
    }

    /** Validates and builds. */
    public LoraConfig build() {
      return new LoraConfig(r, loraAlpha, loraDropout, targetModules, excludeModules, bias,
          useRslora, initLoraWeights, modulesToSave, layersToTransform, layersPattern, rankPattern,
          alphaPattern, taskType, baseModelNameOrPath);
    }
  }
}
