package io.github.geollava.core.model.clip;

import io.github.geollava.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.ClipVisionConfig;
import io.github.geollava.core.nn.HfBlock;

/**
 * CLIP's bidirectional self-attention ({@code CLIPAttention}): {@code q_proj}, {@code k_proj},
 * {@code v_proj}, {@code out_proj} with biases; q scaled by {@code 1/sqrt(D)} before the product, as
 * transformers does.
 */
public final class ClipAttention extends HfBlock {

  private final int heads;
  private final int headDim;

  /**
   * Creates the block.
   *
   * @param config the vision config
   */
  public ClipAttention(ClipVisionConfig config) {
    this.heads = config.numAttentionHeads();
    this.headDim = config.headDim();
    long c = config.hiddenSize();
    Shape in = new Shape(1, c);
    addChild("k_proj", Linear.builder().setUnits(c).build(), in);
    addChild("v_proj", Linear.builder().setUnits(c).build(), in);
    addChild("q_proj", Linear.builder().setUnits(c).build(), in);
    addChild("out_proj", Linear.builder().setUnits(c).build(), in);
  }

  /**
   * Attends over all positions.
   *
   * @param store the parameter store
   * @param x (N, P, C)
   * @param training whether training
   * @return (N, P, C)
   */
  public NDArray forward(ParameterStore store, NDArray x, boolean training) {
    long n = x.getShape().get(0);
    long p = x.getShape().get(1);
    // qkv: (N, P, C) -> (N, H, P, D)
    NDArray scale = Scalars.like(x, (float) Math.pow(headDim, -0.5));
    NDArray q = split(call(store, "q_proj", x, training).mul(scale), n, p);
    NDArray k = split(call(store, "k_proj", x, training), n, p);
    NDArray v = split(call(store, "v_proj", x, training), n, p);
    // attend
    NDArray probs = q.matMul(k.transpose(0, 1, 3, 2)).softmax(-1);
    NDArray out = probs.matMul(v).transpose(0, 2, 1, 3).reshape(n, p, (long) heads * headDim);
    // project
    return call(store, "out_proj", out, training);
  }

  private NDArray split(NDArray x, long n, long p) {
    return x.reshape(n, p, heads, headDim).transpose(0, 2, 1, 3);
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
