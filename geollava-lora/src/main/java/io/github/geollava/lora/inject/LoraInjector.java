package io.github.geollava.lora.inject;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.lora.config.BiasMode;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.config.ModuleSelector;
import io.github.geollava.lora.layer.AdapterSettings;
import io.github.geollava.lora.layer.LoraLinear;
import io.github.geollava.lora.layer.QuantizedLinear;
import io.github.geollava.lora.quant.QuantFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link LoraConfig} to any DJL block tree, PEFT's way: every module whose dotted path (see
 * {@link ModulePaths}) the config targets is wrapped in a {@link LoraLinear} by the first factory of
 * the chain that accepts it (quantized before dense); then everything but the adapters (and the
 * biases / modules_to_save the config names) is frozen.
 *
 * <p>PEFT's suffix matching also hits CLIP's {@code self_attn.q_proj/k_proj/v_proj} in a LLaVA model;
 * that is reproduced by default, and {@link Builder#excludeVisionTower()} keeps the vision tower out.
 */
public final class LoraInjector {

  private static final Logger LOG = LoggerFactory.getLogger(LoraInjector.class);

  private final LoraConfig config;
  private final String adapterName;
  private final long seed;
  private final List<String> excludedPrefixes;
  private final List<LoraLayerFactory> factories;
  private final NDManager manager;

  private LoraInjector(Builder b) {
    this.config = b.config;
    this.adapterName = b.adapterName;
    this.seed = b.seed;
    this.excludedPrefixes = List.copyOf(b.excludedPrefixes);
    this.factories = List.copyOf(b.factories);
    this.manager = b.manager;
  }

  /** A builder; {@link Builder#setConfig} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The config applied. */
  public LoraConfig config() {
    return config;
  }

  /** The adapter name given to new adapters. */
  public String adapterName() {
    return adapterName;
  }

  /** Whether a path falls under an excluded prefix (e.g. the vision tower). */
  public boolean excludedByPrefix(String path) {
    for (String p : excludedPrefixes) {
      if (path.equals(p) || path.startsWith(p + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Whether this injector would adapt the module at {@code path} (its type aside). */
  public boolean targets(String path) {
    return !excludedByPrefix(path) && config.targets(path);
  }

  /**
   * Wraps the targeted modules, adds the adapter, freezes everything else.
   *
   * @param root the model (its parameters initialised)
   * @return what was wrapped and the parameter counts
   * @throws IllegalArgumentException when nothing matches, or a match is not a supported layer type
   */
  public InjectionReport inject(Block root) {
    List<String> wrapped = new ArrayList<>();
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (Map.Entry<String, Block> e : ModulePaths.modules(root).entrySet()) {
      String path = e.getKey();
      Block block = e.getValue();
      if (path.isEmpty() || path.endsWith(".base_layer") || !targets(path)) {
        continue;
      }
      LoraLinear layer;
      if (block instanceof LoraLinear existing) {
        layer = existing;
      } else {
        LoraLayerFactory f = factories.stream().filter(x -> x.accepts(block)).findFirst().orElse(null);
        if (f == null) {
          if (config.targetModules() instanceof ModuleSelector.AllLinear) {
            continue;
          }
          throw new IllegalArgumentException("target_modules: module '" + path + "' is a "
              + block.getClass().getSimpleName() + "; LoRA supports " + factories
              + " (Linear and QuantizedLinear)");
        }
        layer = f.wrap(block);
        ModulePaths.replace(root, path, layer);
      }
      int r = config.rankFor(path);
      AdapterSettings s = new AdapterSettings(r, config.alphaFor(path), config.loraDropout(),
          config.useRslora(), config.initLoraWeights(), seed * 1_000_003L + path.hashCode());
      layer.addAdapter(adapterName, s, manager);
      wrapped.add(path);
      ranks.put(path, r);
    }
    if (wrapped.isEmpty()) {
      throw new IllegalArgumentException("target_modules: " + config.targetModules()
          + " matched no module of the model (excluded prefixes " + excludedPrefixes + ")");
    }
    markOnlyAdaptersTrainable(root);
    long[] counts = count(root);
    InjectionReport report = new InjectionReport(adapterName, wrapped, ranks, counts[0], counts[1]);
    LOG.info("LoRA '{}': {}", adapterName, report.summary());
    return report;
  }

  private void markOnlyAdaptersTrainable(Block root) {
    root.freezeParameters(true);
    Map<String, Block> modules = ModulePaths.modules(root);
    for (Map.Entry<String, Parameter> e : ModulePaths.parameters(root).entrySet()) {
      String name = e.getKey();
      boolean lora = name.contains(".lora_A.") || name.contains(".lora_B.");
      boolean bias = name.endsWith(".bias")
          && (config.bias() == BiasMode.ALL
              || (config.bias() == BiasMode.LORA_ONLY && isLoraBase(modules, name)));
      boolean saved = inModulesToSave(name);
      if (lora || bias || saved) {
        e.getValue().freeze(false);
      }
    }
  }

  private static boolean isLoraBase(Map<String, Block> modules, String paramName) {
    String module = paramName.substring(0, paramName.lastIndexOf('.'));
    return module.endsWith(".base_layer")
        && modules.get(module.substring(0, module.length() - ".base_layer".length()))
            instanceof LoraLinear;
  }

  /** Whether a parameter belongs to a module listed in modules_to_save (suffix match). */
  boolean inModulesToSave(String paramName) {
    for (String m : config.modulesToSave()) {
      if (paramName.startsWith(m + ".") || paramName.contains("." + m + ".")) {
        return true;
      }
    }
    return false;
  }

  /** {trainable, total}: quantized weights count with their logical size. */
  static long[] count(Block root) {
    long trainable = 0;
    long total = 0;
    for (Parameter p : ModulePaths.parameters(root).values()) {
      long n = p.getArray().size();
      total += n;
      if (p.requiresGradient()) {
        trainable += n;
      }
    }
    for (Block b : ModulePaths.modules(root).values()) {
      if (b instanceof QuantizedLinear q) {
        total += q.weight().numel();
      }
    }
    return new long[] {trainable, total};
  }

  /** The LoRA layers of a tree by module path. */
  public static Map<String, LoraLinear> loraLayers(Block root) {
    Map<String, LoraLinear> out = new LinkedHashMap<>();
    ModulePaths.modules(root).forEach((p, b) -> {
      if (b instanceof LoraLinear l) {
        out.put(p, l);
      }
    });
    return out;
  }

  /** Trainable parameters by name (those that receive gradients). */
  public static Map<String, Parameter> trainableParameters(Block root) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    ModulePaths.parameters(root).forEach((n, p) -> {
      if (p.requiresGradient()) {
        out.put(n, p);
      }
    });
    return out;
  }

  /** Frozen parameters by name. */
  public static Map<String, Parameter> frozenParameters(Block root) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    ModulePaths.parameters(root).forEach((n, p) -> {
      if (!p.requiresGradient()) {
        out.put(n, p);
      }
    });
    return out;
  }

  /** Merges the active adapters of every LoRA layer into its base (safe merge). */
  public static void merge(Block root) {
    loraLayers(root).values().forEach(LoraLinear::merge);
  }

  /** Unmerges every LoRA layer. */
  public static void unmerge(Block root) {
    loraLayers(root).values().forEach(LoraLinear::unmerge);
  }

  /** Makes exactly these adapters active on every LoRA layer that has them all. */
  public static void setActiveAdapters(Block root, String... names) {
    loraLayers(root).values().forEach(l -> {
      if (l.adapterNames().containsAll(List.of(names))) {
        l.setActiveAdapters(names);
      }
    });
  }

  /** Disables or re-enables the adapters of every LoRA layer. */
  public static void setAdaptersDisabled(Block root, boolean disabled) {
    loraLayers(root).values().forEach(l -> l.setAdaptersDisabled(disabled));
  }

  /**
   * Merges the active adapters and puts each base layer back in its place (PEFT
   * {@code merge_and_unload}): dense bases come back as plain {@link Linear}, quantized ones as
   * requantised {@link QuantizedLinear}.
   *
   * @return the paths unloaded
   */
  public static List<String> mergeAndUnload(Block root) {
    Map<String, LoraLinear> layers = loraLayers(root);
    for (Map.Entry<String, LoraLinear> e : layers.entrySet()) {
      LoraLinear l = e.getValue();
      l.merge();
      ModulePaths.replace(root, e.getKey(), l.base());
      for (String a : l.adapterNames()) {
        l.loraA(a).close();
        l.loraB(a).close();
      }
    }
    return List.copyOf(layers.keySet());
  }

  /**
   * Replaces frozen dense {@link Linear} layers (including the bases inside LoRA layers) by
   * {@link QuantizedLinear}s of {@code format}.
   *
   * @param root the model
   * @param format NF4, FP4 or INT8
   * @param blockSize 4-bit block size (64 in bitsandbytes)
   * @param doubleQuant whether to double-quantize 4-bit scales
   * @param include which module paths to quantize (bitsandbytes leaves {@code lm_head} dense)
   * @return the quantized paths
   */
  public static List<String> quantizeBase(
      Block root, QuantFormat format, int blockSize, boolean doubleQuant, Predicate<String> include) {
    List<String> done = new ArrayList<>();
    for (Map.Entry<String, Block> e : ModulePaths.modules(root).entrySet()) {
      if (e.getValue() instanceof Linear lin && include.test(e.getKey())) {
        QuantizedLinear q = QuantizedLinear.quantize(lin, format, blockSize, doubleQuant);
        q.freezeParameters(true);
        ModulePaths.replace(root, e.getKey(), q);
        done.add(e.getKey());
      }
    }
    LOG.info("quantized {} linear layers to {}", done.size(), format);
    return done;
  }

  /** Every path except {@code lm_head}, as bitsandbytes' Hugging Face integration does. */
  public static Predicate<String> exceptLmHead() {
    return p -> !(p.equals("lm_head") || p.endsWith(".lm_head"));
  }

  /** Builder for {@link LoraInjector}. */
  public static final class Builder {
    private LoraConfig config;
    private String adapterName = LoraLinear.DEFAULT_ADAPTER;
    private long seed = 42;
    private final TreeSet<String> excludedPrefixes = new TreeSet<>();
    private final List<LoraLayerFactory> factories =
        new ArrayList<>(List.of(LoraLayerFactory.QUANTIZED, LoraLayerFactory.DENSE));
    private NDManager manager;

    private Builder() {}

    /** Sets the LoRA config (required). */
    public Builder setConfig(LoraConfig config) {
      this.config = config;
      return this;
    }

    /** Sets the adapter name (default {@code default}). */
    public Builder optAdapterName(String name) {
      this.adapterName = name;
      return this;
    }

    /** Sets the seed of the adapters' initialisation (default 42). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Keeps every module under this path prefix free of adapters. */
    public Builder optExcludePrefix(String prefix) {
      this.excludedPrefixes.add(prefix);
      return this;
    }

    /** Keeps the vision tower (both Hugging Face layouts) free of adapters. */
    public Builder excludeVisionTower() {
      excludedPrefixes.add("vision_tower");
      excludedPrefixes.add("model.vision_tower");
      return this;
    }

    /** Puts a factory at the front of the first-match-wins chain. */
    public Builder addFactoryFirst(LoraLayerFactory factory) {
      factories.add(0, factory);
      return this;
    }

    /** Sets the manager that owns new adapter parameters (default: each base weight's manager). */
    public Builder optManager(NDManager manager) {
      this.manager = manager;
      return this;
    }

    /** Validates and builds. */
    public LoraInjector build() {
      if (config == null) {
        throw new IllegalArgumentException("config: a LoraConfig is required");
      }
      if (adapterName == null || adapterName.isBlank() || adapterName.contains(".")) {
        throw new IllegalArgumentException(
            "adapterName: must be non-blank without dots but was '" + adapterName + "'");
      }
      return new LoraInjector(this);
    }
  }
}
