package io.github.geollava.core.model.llavanext;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.safetensors.SafetensorsCheckpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills the block tree's parameters, strictly: from a checkpoint (every parameter filled, every
 * checkpoint key used or a known buffer, shapes equal) or from seeded random values.
 */
final class WeightsLoader {

  private WeightsLoader() {}

  /** Loads every parameter from the checkpoint, after checking keys and shapes against the config. */
  static void load(LlavaNextVideoConfig config, LlavaNextVideoForConditionalGeneration root,
      SafetensorsCheckpoint ckpt, NDManager manager) throws CheckpointMismatchException {
    Map<String, long[]> expected = LlavaNextVideoWeights.expectedShapes(config);
    Map<String, String> legacyToFile = new LinkedHashMap<>();
    List<String> unexpected = new ArrayList<>();
    for (String key : ckpt.names()) {
      String legacy = LlavaNextVideoWeights.toLegacy(key);
      if (LlavaNextVideoWeights.isIgnored(legacy)) {
        continue;
      }
      if (!expected.containsKey(legacy)) {
        unexpected.add(key);
        continue;
      }
      String previous = legacyToFile.put(legacy, key);
      if (previous != null) {
        unexpected.add(key + " (duplicates " + previous + ")");
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> shapes = new ArrayList<>();
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      String file = legacyToFile.get(e.getKey());
      if (file == null) {
        if (!LlavaNextVideoWeights.isTiedHead(config, e.getKey())) {
          missing.add(e.getKey());
        }
        continue;
      }
      long[] found = ckpt.info(file).shape();
      if (!Arrays.equals(found, e.getValue())) {
        shapes.add(file + ": checkpoint " + Arrays.toString(found) + " vs model "
            + Arrays.toString(e.getValue()));
      }
    }
    if (!missing.isEmpty() || !unexpected.isEmpty() || !shapes.isEmpty()) {
      throw new CheckpointMismatchException(ckpt.source().toString(), missing, unexpected, shapes);
    }
    Map<String, Parameter> params = parametersMatching(root, expected);
    Parameter embed = params.get("language_model.model.embed_tokens.weight");
    NDArray[] embedArray = new NDArray[1];
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      String name = e.getKey();
      if (LlavaNextVideoWeights.isTiedHead(config, name) && !legacyToFile.containsKey(name)) {
        // tied head: the same NDArray as the embedding, so both stay one matrix (also in training)
        e.getValue().setInitializer((m, shape, type) -> sharedEmbedding(embed, embedArray, shape));
        continue;
      }
      String file = legacyToFile.get(name);
      long[] want = expected.get(name);
      e.getValue().setInitializer((m, shape, type) -> {
        checkShape(name, shape, want);
        NDArray a = ckpt.load(file, m);
        if (a.getDataType() != DataType.FLOAT32) {
          NDArray f = a.toType(DataType.FLOAT32, false);
          a.close();
          a = f;
        }
        if (name.equals("language_model.model.embed_tokens.weight")) {
          embedArray[0] = a;
        }
        return a;
      });
    }
    root.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
  }

  /** Fills every parameter with seeded random values (transformers' initialisation scheme). */
  static void random(LlavaNextVideoConfig config, LlavaNextVideoForConditionalGeneration root, long seed,
      NDManager manager) {
    Map<String, long[]> expected = LlavaNextVideoWeights.expectedShapes(config);
    Map<String, Parameter> params = parametersMatching(root, expected);
    Parameter embed = params.get("language_model.model.embed_tokens.weight");
    NDArray[] embedArray = new NDArray[1];
    double std = config.textConfig().initializerRange();
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      String name = e.getKey();
      Parameter p = e.getValue();
      if (LlavaNextVideoWeights.isTiedHead(config, name)) {
        p.setInitializer((m, shape, type) -> sharedEmbedding(embed, embedArray, shape));
        continue;
      }
      long[] want = expected.get(name);
      p.setInitializer((m, shape, type) -> {
        checkShape(name, shape, want);
        float[] v = values(name, p.getType(), shape, seed, std, config);
        NDArray a = m.create(v, shape);
        if (name.equals("language_model.model.embed_tokens.weight")) {
          embedArray[0] = a;
        }
        return a;
      });
    }
    root.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
  }

  private static float[] values(String name, Parameter.Type type, Shape shape, long seed, double std,
      LlavaNextVideoConfig config) {
    float[] v = new float[Math.toIntExact(shape.size())];
    if (type == Parameter.Type.GAMMA) {
      Arrays.fill(v, 1f);
      return v;
    }
    if (type == Parameter.Type.BIAS || type == Parameter.Type.BETA) {
      return v;
    }
    // image_newline: N(0, 1/sqrt(C)) as LLaVA-NeXT initialises it; everything else N(0, std)
    double s = name.equals("image_newline")
        ? 1.0 / Math.sqrt(config.textConfig().hiddenSize())
        : std;
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (r.nextGaussian() * s);
    }
    return v;
  }

  private static NDArray sharedEmbedding(Parameter embed, NDArray[] embedArray, Shape shape) {
    NDArray a = embedArray[0] != null ? embedArray[0] : embed.getArray();
    if (a == null) {
      throw new IllegalStateException("tied lm_head initialised before embed_tokens");
    }
    if (!a.getShape().equals(shape)) {
      throw new IllegalStateException("tied lm_head shape " + shape + " differs from embed_tokens "
          + a.getShape());
    }
    return a;
  }

  /** The tree's parameters by HF name, checked to be exactly the mapping's keys. */
  static Map<String, Parameter> parametersMatching(LlavaNextVideoForConditionalGeneration root,
      Map<String, long[]> expected) {
    Map<String, Parameter> params = ModulePaths.parameters(root);
    if (!params.keySet().equals(expected.keySet())) {
      List<String> onlyTree = new ArrayList<>(params.keySet());
      onlyTree.removeAll(expected.keySet());
      List<String> onlyMap = new ArrayList<>(expected.keySet());
      onlyMap.removeAll(params.keySet());
      throw new IllegalStateException("block tree and key mapping disagree: only in the tree "
          + onlyTree + ", only in the mapping " + onlyMap);
    }
    return params;
  }

  private static void checkShape(String name, Shape shape, long[] want) {
    if (!Arrays.equals(shape.getShape(), want)) {
      throw new IllegalStateException("parameter " + name + " has shape " + shape
          + " but the key mapping says " + Arrays.toString(want));
    }
  }
}
