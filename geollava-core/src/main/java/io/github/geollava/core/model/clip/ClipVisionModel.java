package io.github.geollava.core.model.clip;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.ClipVisionConfig;
import io.github.geollava.core.nn.HfBlock;

/** {@code CLIPVisionModel}: the wrapper whose single child is {@code vision_model}. */
public final class ClipVisionModel extends HfBlock {

  private final ClipVisionConfig config;

  /**
   * Creates the tower.
   *
   * @param config the vision config
   */
  public ClipVisionModel(ClipVisionConfig config) {
    this.config = config;
    addChild("vision_model", new ClipVisionTransformer(config),
        new Shape(1, config.numChannels(), config.imageSize(), config.imageSize()));
  }

  /** The transformer. */
  public ClipVisionTransformer visionModel() {
    return (ClipVisionTransformer) child("vision_model");
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return visionModel().forward(store, inputs, training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), config.numPositions(), config.hiddenSize())};
  }
}
