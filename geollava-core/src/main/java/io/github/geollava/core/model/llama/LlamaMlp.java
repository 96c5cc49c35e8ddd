package io.github.geollava.core.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.LlamaConfig;
import io.github.geollava.core.nn.HfBlock;

/** LLaMA's SiLU-gated MLP: {@code down_proj(silu(gate_proj(x)) * up_proj(x))}. */
public final class LlamaMlp extends HfBlock {

  /**
   * Creates the block.
   *
   * @param config the decoder config
   */
  public LlamaMlp(LlamaConfig config) {
    long c = config.hiddenSize();
    long i = config.intermediateSize();
    boolean bias = config.mlpBias();
    addChild("gate_proj", Linear.builder().setUnits(i).optBias(bias).build(), new Shape(1, c));
    addChild("up_proj", Linear.builder().setUnits(i).optBias(bias).build(), new Shape(1, c));
    addChild("down_proj", Linear.builder().setUnits(c).optBias(bias).build(), new Shape(1, i));
  }

  /**
   * Applies the MLP.
   *
   * @param store the parameter store
   * @param x (B, S, C)
   * @param training whether training
   * @return (B, S, C)
   */
  public NDArray forward(ParameterStore store, NDArray x, boolean training) {
    NDArray gate = call(store, "gate_proj", x, training); // (B, S, I)
    NDArray up = call(store, "up_proj", x, training);
    NDArray act = gate.mul(Activation.sigmoid(gate)); // silu
    return call(store, "down_proj", act.mul(up), training);
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
