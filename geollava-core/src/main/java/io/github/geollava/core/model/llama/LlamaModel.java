package io.github.geollava.core.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.LlamaConfig;
import io.github.geollava.core.model.Intermediates;
import io.github.geollava.core.model.ModuleList;
import io.github.geollava.core.model.RmsNorm;
import io.github.geollava.core.model.TokenEmbedding;
import io.github.geollava.core.nn.HfBlock;

/**
 * The LLaMA decoder stack ({@code LlamaModel}): {@code embed_tokens}, {@code layers.N}, final
 * {@code norm}. Builds the causal plus padding mask and the position ids from the attention mask the way
 * Hugging Face's {@code generate} does for left-padded batches: {@code cumsum(mask) - 1}, with padded
 * positions set to 1, keeping the last S columns when a cache holds the earlier ones.
 */
public final class LlamaModel extends HfBlock {

  private final LlamaConfig config;
  private final RotaryEmbedding rotary;

  /**
   * Creates the stack.
   *
   * @param config the decoder config
   */
  public LlamaModel(LlamaConfig config) {
    this.config = config;
    this.rotary = new RotaryEmbedding(config);
    long c = config.hiddenSize();
    Shape tokens = new Shape(1, 1, c);
    addChild("embed_tokens", new TokenEmbedding(config.vocabSize(), c), new Shape(1, 1));
    ModuleList layers = new ModuleList();
    for (int i = 0; i < config.numHiddenLayers(); i++) {
      layers.append(new LlamaDecoderLayer(config), tokens);
    }
    addChild("layers", layers, tokens);
    addChild("norm", new RmsNorm(c, config.rmsNormEps()), tokens);
  }

  /** The decoder config. */
  public LlamaConfig config() {
    return config;
  }

  /** The token embedding table. */
  public TokenEmbedding embedTokens() {
    return (TokenEmbedding) child("embed_tokens");
  }

  /**
   * Embeds token ids.
   *
   * @param store the parameter store
   * @param ids (B, S) int64
   * @param training whether training
   * @return (B, S, C)
   */
  public NDArray embed(ParameterStore store, NDArray ids, boolean training) {
    return call(store, "embed_tokens", ids, training);
  }

  /**
   * Runs the decoder on embeddings.
   *
   * @param store the parameter store
   * @param embeds (B, S, C) input embeddings
   * @param attentionMask (B, T) 1 for real tokens, 0 for padding, T = cached + S; null for all ones
   * @param cache the cache (appended to), or null
   * @param trace where to record {@code layer_i} and {@code last_hidden_state}, or null
   * @param training whether training
   * @return (B, S, C) the last hidden state after the final norm
   */
  public NDArray forward(ParameterStore store, NDArray embeds, NDArray attentionMask, KvCache cache,
      Intermediates trace, boolean training) {
    NDManager m = embeds.getManager();
    long b = embeds.getShape().get(0);
    long s = embeds.getShape().get(1);
    long past = cache == null ? 0 : cache.length();
    long t = past + s;
    NDArray mask = attentionMask == null
        ? m.ones(new Shape(b, t), DataType.INT64)
        : attentionMask.toType(DataType.INT64, false);
    if (mask.getShape().get(0) != b || mask.getShape().get(1) != t) {
      throw new IllegalArgumentException("attention_mask must be (" + b + ", " + t
          + ") = (batch, cached " + past + " + new " + s + " tokens), got " + mask.getShape());
    }
    mask = mask.toDevice(embeds.getDevice(), false);
    // position ids: cumsum(mask) - 1, padding at 1, the last S columns
    NDArray positions = mask.cumSum(1).sub(1).mul(mask).add(mask.eq(0).toType(DataType.INT64, false));
    positions = positions.get(new NDIndex(":, {}:", past));
    NDList cs = rotary.cosSin(positions, embeds.getDataType());
    NDArray additive = additiveMask(mask, s, past, embeds.getDataType());
    ModuleList layers = (ModuleList) child("layers");
    NDArray h = embeds;
    for (int i = 0; i < layers.size(); i++) {
      h = ((LlamaDecoderLayer) layers.get(i))
          .forward(store, h, cs.get(0), cs.get(1), additive, cache, i, training);
      if (trace != null) {
        trace.put("layer_" + i, h);
      }
    }
    NDArray out = call(store, "norm", h, training);
    if (trace != null) {
      trace.put("last_hidden_state", out);
    }
    return out;
  }

  /**
   * The additive attention mask: 0 where query i (at absolute position past + i) may see key j
   * (j at most past + i, and not padding), the type's lowest value elsewhere, as transformers does.
   *
   * @return (B, 1, S, T)
   */
  static NDArray additiveMask(NDArray mask, long s, long past, DataType type) {
    NDManager m = mask.getManager();
    long b = mask.getShape().get(0);
    long t = mask.getShape().get(1);
    NDArray keyPos = m.arange(0, t, 1, DataType.INT64).toDevice(mask.getDevice(), false).reshape(1, t);
    NDArray queryPos = m.arange(past, past + s, 1, DataType.INT64)
        .toDevice(mask.getDevice(), false).reshape(s, 1);
    NDArray causal = keyPos.lte(queryPos).reshape(1, 1, s, t);
    NDArray allowed = causal.logicalAnd(mask.gt(0).reshape(b, 1, 1, t));
    // the type's lowest finite value, as torch.finfo(dtype).min; -FLT_MAX would overflow BF16 to -inf
    float lowest = switch (type) {
      case FLOAT16 -> -65504f;
      case BFLOAT16 -> -3.3895314e38f;
      default -> -Float.MAX_VALUE;
    };
    // allowed -> 0, masked -> lowest: (allowed - 1) * (-lowest), built in float32, then cast
    NDArray additive = allowed.toType(DataType.FLOAT32, false).sub(1f).mul(-lowest);
    return type == DataType.FLOAT32 ? additive : additive.toType(type, false);
  }

  /** Inputs: embeddings (B, S, C) and optionally an attention mask (B, S); no cache. */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
    return new NDList(forward(store, inputs.get(0), mask, null, null, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
