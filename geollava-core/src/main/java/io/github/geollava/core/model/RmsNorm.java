package io.github.geollava.core.model;

import io.github.geollava.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.nn.HfBlock;

/**
 * LLaMA's RMSNorm: {@code weight * x / sqrt(mean(x^2) + eps)}, computed in float32 whatever the input
 * type (as {@code LlamaRMSNorm} does), then cast back. Parameter {@code weight} (C).
 */
public final class RmsNorm extends HfBlock {

  private final Parameter weight;
  private final float eps;

  /**
   * Creates the norm.
   *
   * @param channels C
   * @param eps added to the mean square
   */
  public RmsNorm(long channels, double eps) {
    this.weight = addHfParameter("weight", Parameter.Type.GAMMA, new Shape(channels));
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
    DataType in = x.getDataType();
    NDArray h = in == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
    NDArray variance = h.square().mean(new int[] {-1}, true); // (..., 1)
    NDArray normed = h.mul(variance.add(eps).pow(Scalars.like(variance, -0.5f)));
    if (in != DataType.FLOAT32) {
      normed = normed.toType(in, false);
    }
    return w.mul(normed);
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
