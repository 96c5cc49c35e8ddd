package io.github.geollava.core.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.LlamaConfig;
import io.github.geollava.core.model.RmsNorm;
import io.github.geollava.core.nn.HfBlock;

/**
 * One LLaMA decoder layer: {@code x + self_attn(input_layernorm(x))}, then
 * {@code h + mlp(post_attention_layernorm(h))}.
 */
public final class LlamaDecoderLayer extends HfBlock {

  /**
   * Creates the layer.
   *
   * @param config the decoder config
   */
  public LlamaDecoderLayer(LlamaConfig config) {
    Shape in = new Shape(1, 1, config.hiddenSize());
    addChild("self_attn", new LlamaAttention(config), in);
    addChild("mlp", new LlamaMlp(config), in);
    addChild("input_layernorm", new RmsNorm(config.hiddenSize(), config.rmsNormEps()), in);
    addChild("post_attention_layernorm", new RmsNorm(config.hiddenSize(), config.rmsNormEps()), in);
  }

  /**
   * Runs the layer.
   *
   * @param store the parameter store
   * @param x (B, S, C)
   * @param cos (B, 1, S, D)
   * @param sin (B, 1, S, D)
   * @param mask additive (B, 1, S, T)
   * @param cache the cache or null
   * @param layer this layer's index
   * @param training whether training
   * @return (B, S, C)
   */
  public NDArray forward(ParameterStore store, NDArray x, NDArray cos, NDArray sin, NDArray mask,
      KvCache cache, int layer, boolean training) {
    // attention with residual
    NDArray h = call(store, "input_layernorm", x, training);
    h = ((LlamaAttention) child("self_attn"))
        .forward(store, h, cos, sin, mask, cache, layer, training);
    NDArray r = x.add(h);
    // MLP with residual
    NDArray m = call(store, "post_attention_layernorm", r, training);
    m = call(store, "mlp", m, training);
    return r.add(m);
  }

  /** Inputs: x (B, S, C), cos, sin (B, 1, S, D), additive mask (B, 1, S, S); no cache. */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forward(store, inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3),
        null, 0, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
