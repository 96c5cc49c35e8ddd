package io.github.geollava.core.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.ClipVisionConfig;
import io.github.geollava.core.model.HfLayerNorm;
import io.github.geollava.core.model.ModuleList;
import io.github.geollava.core.nn.HfBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLIP vision transformer ({@code CLIPVisionTransformer}): {@code embeddings},
 * {@code pre_layrnorm} (transformers' spelling), {@code encoder.layers.N}, {@code post_layernorm}.
 * LLaVA reads hidden states, not the pooled output, so {@code post_layernorm} holds checkpoint weights
 * but is not applied on the video path.
 */
public final class ClipVisionTransformer extends HfBlock {

  private final ClipVisionConfig config;

  /**
   * Creates the tower.
   *
   * @param config the vision config
   */
  public ClipVisionTransformer(ClipVisionConfig config) {
    this.config = config;
    Shape image = new Shape(1, config.numChannels(), config.imageSize(), config.imageSize());
    Shape tokens = new Shape(1, 1, config.hiddenSize());
    addChild("embeddings", new ClipVisionEmbeddings(config), image);
    addChild("pre_layrnorm", new HfLayerNorm(config.hiddenSize(), config.layerNormEps()), tokens);
    ModuleList layers = new ModuleList();
    for (int i = 0; i < config.numHiddenLayers(); i++) {
      layers.append(new ClipEncoderLayer(config), tokens);
    }
    ClipEncoder encoder = new ClipEncoder(layers);
    addChild("encoder", encoder, tokens);
    addChild("post_layernorm", new HfLayerNorm(config.hiddenSize(), config.layerNormEps()), tokens);
  }

  /** The vision config. */
  public ClipVisionConfig config() {
    return config;
  }

  /**
   * Hidden states 0..{@code upTo}: index 0 is the embeddings after {@code pre_layrnorm}, index i the
   * output of encoder layer i - 1. Layers after {@code upTo} are not run.
   *
   * @param store the parameter store
   * @param pixels (N, channels, H, W)
   * @param upTo the last hidden state wanted (0..layers)
   * @param training whether training
   * @return {@code upTo + 1} arrays, each (N, P + 1, C)
   */
  public List<NDArray> hiddenStates(ParameterStore store, NDArray pixels, int upTo, boolean training) {
    if (upTo < 0 || upTo > config.numHiddenLayers()) {
      throw new IllegalArgumentException(
          "hidden state index must be in 0.." + config.numHiddenLayers() + ", got " + upTo);
    }
    List<NDArray> states = new ArrayList<>(upTo + 1);
    NDArray h = call(store, "embeddings", pixels, training);
    h = call(store, "pre_layrnorm", h, training);
    states.add(h);
    ModuleList layers = ((ClipEncoder) child("encoder")).layers();
    for (int i = 0; i < upTo; i++) {
      h = layers.get(i).forward(store, new NDList(h), training).singletonOrThrow();
      states.add(h);
    }
    return states;
  }

  /** Input: pixels (N, channels, H, W). Output: the last hidden state (N, P + 1, C), before post_layernorm. */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    List<NDArray> hs = hiddenStates(store, inputs.singletonOrThrow(), config.numHiddenLayers(), training);
    return new NDList(hs.get(hs.size() - 1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), config.numPositions(), config.hiddenSize())};
  }

  /** {@code CLIPEncoder}: holds {@code layers}; the transformer runs them. */
  public static final class ClipEncoder extends HfBlock {

    ClipEncoder(ModuleList layers) {
      addChild("layers", layers, new Shape(1, 1, 1));
    }

    /** The encoder layers. */
    public ModuleList layers() {
      return (ModuleList) child("layers");
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray h = inputs.singletonOrThrow();
      ModuleList layers = layers();
      for (int i = 0; i < layers.size(); i++) {
        h = layers.get(i).forward(store, new NDList(h), training).singletonOrThrow();
      }
      return new NDList(h);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return inputShapes;
    }
  }
}
