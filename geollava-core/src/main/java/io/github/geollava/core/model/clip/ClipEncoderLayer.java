package io.github.geollava.core.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.ClipVisionConfig;
import io.github.geollava.core.model.HfLayerNorm;
import io.github.geollava.core.nn.HfBlock;

/**
 * One CLIP encoder layer (pre-norm): {@code x + self_attn(layer_norm1(x))}, then
 * {@code h + mlp(layer_norm2(h))}.
 */
public final class ClipEncoderLayer extends HfBlock {

  /**
   * Creates the layer.
   *
   * @param config the vision config
   */
  public ClipEncoderLayer(ClipVisionConfig config) {
    Shape in = new Shape(1, 1, config.hiddenSize());
    addChild("self_attn", new ClipAttention(config), in);
    addChild("layer_norm1", new HfLayerNorm(config.hiddenSize(), config.layerNormEps()), in);
    addChild("mlp", new ClipMlp(config), in);
    addChild("layer_norm2", new HfLayerNorm(config.hiddenSize(), config.layerNormEps()), in);
  }

  /**
   * Runs the layer.
   *
   * @param store the parameter store
   * @param x (N, P, C)
   * @param training whether training
   * @return (N, P, C)
   */
  public NDArray forward(ParameterStore store, NDArray x, boolean training) {
    NDArray h = call(store, "layer_norm1", x, training);
    h = x.add(call(store, "self_attn", h, training));
    NDArray m = call(store, "layer_norm2", h, training);
    return h.add(call(store, "mlp", m, training));
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
