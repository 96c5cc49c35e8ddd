package io.github.geollava.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.nn.HfBlock;

/**
 * PyTorch's {@code nn.LayerNorm} over the last axis with parameters {@code weight} and {@code bias}
 * (C), named as in Hugging Face checkpoints (DJL's own {@code LayerNorm} names them gamma/beta).
 */
public final class HfLayerNorm extends HfBlock {

  private final Parameter weight;
  private final Parameter bias;
  private final long channels;
  private final float eps;

  /**
   * Creates the norm.
   *
   * @param channels C
   * @param eps added to the variance
   */
  public HfLayerNorm(long channels, double eps) {
    this.channels = channels;
    this.weight = addHfParameter("weight", Parameter.Type.GAMMA, new Shape(channels));
    this.bias = addHfParameter("bias", Parameter.Type.BETA, new Shape(channels));
    this.eps = (float) eps;
  }

  /**
   * Normalises the last axis.
   *
   * @param store the parameter store
   * @param x (..., C)
   * @param training whether training
   * @return (..., C)
   */
  public NDArray forward(ParameterStore store, NDArray x, boolean training) {
    NDArray w = store.getValue(weight, x.getDevice(), training);
    NDArray b = store.getValue(bias, x.getDevice(), training);
    return LayerNorm.layerNorm(x, new Shape(channels), w, b, eps).singletonOrThrow();
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
