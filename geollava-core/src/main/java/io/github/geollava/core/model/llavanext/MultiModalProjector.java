package io.github.geollava.core.model.llavanext;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.nn.HfBlock;

/**
 * The projector from vision to text width ({@code LlavaNextVideoMultiModalProjector}):
 * {@code linear_2(gelu(linear_1(x)))}, GELU with erf.
 */
public final class MultiModalProjector extends HfBlock {

  /**
   * Creates the block.
   *
   * @param config the model config
   */
  public MultiModalProjector(LlavaNextVideoConfig config) {
    long cv = config.visionConfig().hiddenSize();
    long c = config.textConfig().hiddenSize();
    addChild("linear_1", Linear.builder().setUnits(c).build(), new Shape(1, cv));
    addChild("linear_2", Linear.builder().setUnits(c).build(), new Shape(1, c));
  }

  /**
   * Projects features.
   *
   * @param store the parameter store
   * @param x (..., Cv)
   * @param training whether training
   * @return (..., C)
   */
  public NDArray forward(ParameterStore store, NDArray x, boolean training) {
    NDArray h = call(store, "linear_1", x, training);
    return call(store, "linear_2", Activation.gelu(h), training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forward(store, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
