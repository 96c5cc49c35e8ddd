package io.github.geollava.core.model.llavanext;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geollava.core.config.HfConfigs;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.generate.CausalLm;
import io.github.geollava.core.model.Intermediates;
import io.github.geollava.core.model.llama.KvCache;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.safetensors.SafetensorsCheckpoint;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LLaVA-NeXT-Video ready to run: the block tree ({@link #block()}, Hugging Face module paths, every
 * linear layer a DJL {@code Linear}), its weights and the native memory that holds them.
 *
 * <p>Numerics: float32 on CPU (the only type that is fast and safe there). On CUDA,
 * {@link #load(Path, Device, DataType)} with {@code FLOAT16} or {@code BFLOAT16} casts the loaded
 * float32 weights once; pixels are cast to the same type, RMSNorm and attention softmax run in float32
 * and logits come back as float32. That path needs a CUDA build of PyTorch and is not exercised by the
 * CPU tests.
 *
 * <p>Threads: the weights are read-only during inference, and temporaries are scoped per call with a
 * thread-local {@link NDScope}, so concurrent {@link #logits} calls with separate caches are safe.
 * Training (through {@link #block()}) and {@link ModulePaths#replace} must not run concurrently with
 * inference.
 */
public final class LlavaNextVideoModel implements AutoCloseable, CausalLm<KvCache> {

  private static final Logger LOG = LoggerFactory.getLogger(LlavaNextVideoModel.class);
  private static final String WEIGHTS_FILE = SafetensorsCheckpoint.SINGLE_FILE;

  private final LlavaNextVideoConfig config;
  private final LlavaNextVideoForConditionalGeneration root;
  private final NDManager manager;
  private final DataType computeType;
  private final String origin;

  private LlavaNextVideoModel(LlavaNextVideoConfig config, LlavaNextVideoForConditionalGeneration root,
      NDManager manager, DataType computeType, String origin) {
    this.config = config;
    this.root = root;
    this.manager = manager;
    this.computeType = computeType;
    this.origin = origin;
  }

  /**
   * Loads a Hugging Face folder in float32.
   *
   * @param dir a folder with {@code config.json} and {@code model.safetensors} or a sharded
   *     {@code model.safetensors.index.json}
   * @param device where the weights live
   * @return the model; close it to free its memory
   * @throws IOException if a file cannot be read
   * @throws MalformedModelException if the checkpoint does not match the config (a
   *     {@link CheckpointMismatchException} listing every missing and unexpected key and shape mismatch)
   */
  public static LlavaNextVideoModel load(Path dir, Device device)
      throws IOException, MalformedModelException {
    return load(dir, device, DataType.FLOAT32);
  }

  /**
   * Loads a Hugging Face folder with a compute type.
   *
   * @param dir the model folder
   * @param device where the weights live
   * @param computeType {@code FLOAT32}, or {@code FLOAT16}/{@code BFLOAT16} on a GPU only (on CPU they
   *     are unusably slow or abort the JVM)
   * @return the model
   * @throws IOException if a file cannot be read
   * @throws MalformedModelException if the checkpoint does not match the config
   */
  public static LlavaNextVideoModel load(Path dir, Device device, DataType computeType)
      throws IOException, MalformedModelException {
    checkComputeType(device, computeType);
    LlavaNextVideoConfig config = HfConfigs.readLlavaNextVideo(dir.resolve(HfConfigs.CONFIG_FILE));
    LlavaNextVideoForConditionalGeneration root = new LlavaNextVideoForConditionalGeneration(config);
    NDManager manager = NDManager.newBaseManager(device);
    try (SafetensorsCheckpoint ckpt = SafetensorsCheckpoint.open(dir)) {
      WeightsLoader.load(config, root, ckpt, manager);
      if (computeType != DataType.FLOAT32) {
        root.cast(computeType);
      }
    } catch (IOException | MalformedModelException | RuntimeException e) {
      manager.close();
      throw e;
    }
    LlavaNextVideoModel model = new LlavaNextVideoModel(config, root, manager, computeType,
        "load(" + dir.toAbsolutePath() + ")");
    LOG.info("loaded {} ({} parameters) from {} on {} as {}", config.modelType(),
        model.parameterCount(), dir, device, computeType);
    return model;
  }

  /**
   * Creates a model with seeded random weights (for tiny test and demo models): linear, convolution
   * and embedding weights N(0, {@code initializer_range}), norm weights 1, biases 0, as transformers
   * initialises; each parameter draws from its own generator seeded by {@code seed} and its name, so
   * the values do not depend on creation order.
   *
   * @param config the model config
   * @param seed the seed
   * @param device where the weights live
   * @return the model
   */
  public static LlavaNextVideoModel create(LlavaNextVideoConfig config, long seed, Device device) {
    LlavaNextVideoForConditionalGeneration root = new LlavaNextVideoForConditionalGeneration(config);
    NDManager manager = NDManager.newBaseManager(device);
    try {
      WeightsLoader.random(config, root, seed, manager);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
    return new LlavaNextVideoModel(config, root, manager, DataType.FLOAT32,
        "create(seed=" + seed + ")");
  }

  private static void checkComputeType(Device device, DataType type) {
    if (type == DataType.FLOAT32) {
      return;
    }
    if (type != DataType.FLOAT16 && type != DataType.BFLOAT16) {
      throw new IllegalArgumentException(
          "computeType must be FLOAT32, FLOAT16 or BFLOAT16, got " + type);
    }
    if (!device.isGpu()) {
      throw new IllegalArgumentException("computeType " + type + " needs a GPU device; on " + device
          + " use FLOAT32 (FP16 matmul is ~200x slower there and BF16 aborts the JVM)");
    }
  }

  /**
   * Saves in the Hugging Face legacy layout: {@code config.json} and one {@code model.safetensors}
   * (float32, metadata {@code format=pt} plus a {@code geollava_provenance} JSON string: library,
   * where the weights came from, parameter count), each written atomically. The LM head is left out
   * under tied embeddings, as transformers does.
   *
   * @param dir the folder (created if needed)
   * @throws IOException if writing fails
   */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    SafetensorsWriter writer = SafetensorsWriter.create().metadata("format", "pt")
        .metadata("geollava_provenance", provenance());
    for (Map.Entry<String, Parameter> e : ModulePaths.parameters(root).entrySet()) {
      if (LlavaNextVideoWeights.isTiedHead(config, e.getKey())) {
        continue;
      }
      NDArray a = e.getValue().getArray();
      if (a.getDataType() == DataType.FLOAT32) {
        writer.put(e.getKey(), a);
      } else {
        try (NDArray f = a.toType(DataType.FLOAT32, true)) {
          writer.put(e.getKey(), f);
        }
      }
    }
    writer.write(dir.resolve(WEIGHTS_FILE));
    HfConfigs.write(config.toJson(), dir.resolve(HfConfigs.CONFIG_FILE));
    LOG.info("saved {} tensors to {}", writer.size(), dir);
  }

  private String provenance() {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("library", "geollava-core");
    p.put("class", LlavaNextVideoModel.class.getName());
    p.put("origin", origin);
    p.put("parameters", parameterCount());
    p.put("compute_type", computeType.toString());
    return p.toString();
  }

  /** The model config. */
  public LlavaNextVideoConfig config() {
    return config;
  }

  /**
   * The root block, for LoRA injection, pruning and training ({@code forward(store, (input_ids,
   * attention_mask, [pixel_values_videos]), training)} gives {@code (logits)}).
   */
  public Block block() {
    return root;
  }

  /** The root block with its typed API. */
  public LlavaNextVideoForConditionalGeneration root() {
    return root;
  }

  /** The manager that owns the weights (and the device they live on). */
  @Override
  public NDManager manager() {
    return manager;
  }

  /** The compute type of the weights. */
  public DataType computeType() {
    return computeType;
  }

  /** Parameters of this model (tied embeddings counted once). */
  public long parameterCount() {
    return LlavaNextVideoWeights.parameterCount(config);
  }

  /** A new, empty key/value cache on the model's device; close it when the sequence is done. */
  @Override
  public KvCache newCache() {
    return new KvCache(manager, config.textConfig().numHiddenLayers());
  }

  /**
   * Logits for every new position.
   *
   * @param inputIds (B, S) int64
   * @param attentionMask (B, T) with T = cached + S (1 real, 0 left padding), or null for all ones
   * @param pixelValuesVideos (B, F, 3, H, W) normalised frames, or null (decode steps)
   * @param cache the cache to read and extend, or null for a no-cache pass
   * @return (B, S, V) float32, attached to the manager of {@code inputIds}
   */
  @Override
  public NDArray logits(NDArray inputIds, NDArray attentionMask, NDArray pixelValuesVideos, KvCache cache) {
    return run(inputIds, attentionMask, pixelValuesVideos, cache, false);
  }

  /**
   * Logits for the last position only: same as {@link #logits} but skips the LM head on the other
   * positions (the cheap prefill for generation).
   *
   * @param inputIds (B, S) int64
   * @param attentionMask (B, T) or null
   * @param pixelValuesVideos (B, F, 3, H, W) or null
   * @param cache the cache or null
   * @return (B, 1, V) float32, attached to the manager of {@code inputIds}
   */
  public NDArray lastLogits(NDArray inputIds, NDArray attentionMask, NDArray pixelValuesVideos, KvCache cache) {
    return run(inputIds, attentionMask, pixelValuesVideos, cache, true);
  }

  private NDArray run(NDArray inputIds, NDArray attentionMask, NDArray pixels, KvCache cache,
      boolean lastOnly) {
    Objects.requireNonNull(inputIds, "inputIds");
    NDManager out = inputIds.getManager();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      ParameterStore store = new ParameterStore(manager, false);
      NDArray logits = root.forward(store, toDevice(inputIds), toDevice(attentionMask), toDevice(pixels),
          cache, null, lastOnly, false);
      logits = logits.toType(DataType.FLOAT32, false);
      NDScope.unregister(logits);
      logits.attach(out);
      return logits;
    }
  }

  /**
   * A no-cache forward pass that records every intermediate (see {@link Intermediates} for the names).
   *
   * @param inputIds (B, S) int64
   * @param attentionMask (B, S) or null
   * @param pixelValuesVideos (B, F, 3, H, W) or null
   * @param target the manager the recorded arrays are attached to (close it to free them)
   * @return the intermediates, including {@code logits}
   */
  public Intermediates forwardWithIntermediates(NDArray inputIds, NDArray attentionMask,
      NDArray pixelValuesVideos, NDManager target) {
    Intermediates trace = new Intermediates();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      ParameterStore store = new ParameterStore(manager, false);
      root.forward(store, toDevice(inputIds), toDevice(attentionMask), toDevice(pixelValuesVideos),
          null, trace, false, false);
      for (NDArray a : trace.asMap().values()) {
        NDScope.unregister(a);
        a.attach(target);
      }
    }
    return trace;
  }

  private NDArray toDevice(NDArray a) {
    return a == null ? null : a.toDevice(manager.getDevice(), false);
  }

  /** Frees the weights. */
  @Override
  public void close() {
    manager.close();
  }

  @Override
  public String toString() {
    return "LlavaNextVideoModel[" + config.modelType() + ", " + parameterCount() + " parameters, "
        + manager.getDevice() + ", " + computeType + "]";
  }
}
