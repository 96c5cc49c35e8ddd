package io.github.geollava.core.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.LlamaConfig;
import io.github.geollava.core.nn.HfBlock;

/**
 * LLaMA with its language-model head ({@code LlamaForCausalLM}): children {@code model} (the
 * {@link LlamaModel}) and {@code lm_head} (a bias-free {@link Linear}, C to V).
 */
public final class LlamaForCausalLm extends HfBlock {

  /**
   * Creates the block.
   *
   * @param config the decoder config
   */
  public LlamaForCausalLm(LlamaConfig config) {
    addChild("model", new LlamaModel(config), new Shape(1, 1));
    addChild("lm_head", Linear.builder().setUnits(config.vocabSize()).optBias(false).build(),
        new Shape(1, config.hiddenSize()));
  }

  /** The decoder stack. */
  public LlamaModel model() {
    return (LlamaModel) child("model");
  }

  /**
   * Projects hidden states to vocabulary logits.
   *
   * @param store the parameter store
   * @param hidden (B, S, C)
   * @param training whether training
   * @return (B, S, V)
   */
  public NDArray head(ParameterStore store, NDArray hidden, boolean training) {
    return call(store, "lm_head", hidden, training);
  }

  /** Inputs: embeddings (B, S, C) and optionally an attention mask (B, S). Output: logits (B, S, V). */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
    NDArray h = model().forward(store, inputs.get(0), mask, null, null, training);
    return new NDList(head(store, h, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
