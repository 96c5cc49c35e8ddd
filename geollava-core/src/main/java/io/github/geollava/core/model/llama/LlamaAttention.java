package io.github.geollava.core.model.llama;

import io.github.geollava.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.LlamaConfig;
import io.github.geollava.core.nn.HfBlock;

/**
 * LLaMA self-attention ({@code LlamaAttention}, eager path): {@code q_proj}, {@code k_proj},
 * {@code v_proj}, {@code o_proj} (all {@link Linear}), rotary embeddings on q and k, grouped-query
 * attention (each key/value head serves {@code H / Hkv} query heads), scores scaled by
 * {@code 1/sqrt(D)}, an additive mask, softmax in float32.
 */
public final class LlamaAttention extends HfBlock {

  private final int heads;
  private final int kvHeads;
  private final int headDim;

  /**
   * Creates the block.
   *
   * @param config the decoder config
   */
  public LlamaAttention(LlamaConfig config) {
    this.heads = config.numAttentionHeads();
    this.kvHeads = config.numKeyValueHeads();
    this.headDim = config.headDim();
    long c = config.hiddenSize();
    Shape in = new Shape(1, c);
    boolean bias = config.attentionBias();
    addChild("q_proj", Linear.builder().setUnits((long) heads * headDim).optBias(bias).build(), in);
    addChild("k_proj", Linear.builder().setUnits((long) kvHeads * headDim).optBias(bias).build(), in);
    addChild("v_proj", Linear.builder().setUnits((long) kvHeads * headDim).optBias(bias).build(), in);
    addChild("o_proj", Linear.builder().setUnits(c).optBias(bias).build(),
        new Shape(1, (long) heads * headDim));
  }

  /**
   * Attends.
   *
   * @param store the parameter store
   * @param x (B, S, C)
   * @param cos (B, 1, S, D)
   * @param sin (B, 1, S, D)
   * @param mask additive mask (B, 1, S, T): 0 where allowed, a large negative number elsewhere
   * @param cache the cache to append to and read from, or null (then T = S)
   * @param layer this layer's index in the cache
   * @param training whether training
   * @return (B, S, C)
   */
  public NDArray forward(ParameterStore store, NDArray x, NDArray cos, NDArray sin, NDArray mask,
      KvCache cache, int layer, boolean training) {
    long b = x.getShape().get(0);
    long s = x.getShape().get(1);
    // qkv: (B, S, H*D) -> (B, H, S, D)
    NDArray q = heads(call(store, "q_proj", x, training), b, s, heads);
    NDArray k = heads(call(store, "k_proj", x, training), b, s, kvHeads);
    NDArray v = heads(call(store, "v_proj", x, training), b, s, kvHeads);
    // rope on the new positions only; cached keys are stored rotated
    q = RotaryEmbedding.apply(q, cos, sin);
    k = RotaryEmbedding.apply(k, cos, sin);
    if (cache != null) {
      NDArray[] kv = cache.append(layer, k, v);
      k = kv[0];
      v = kv[1];
    }
    // grouped-query attention: repeat each key/value head for its query heads
    k = repeatKv(k);
    v = repeatKv(v);
    // attend: softmax(q k^T / sqrt(D) + mask) v, softmax in float32
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(Scalars.like(q, (float) Math.sqrt(headDim))).add(mask);
    DataType t = scores.getDataType();
    NDArray probs = t == DataType.FLOAT32
        ? scores.softmax(-1)
        : scores.toType(DataType.FLOAT32, false).softmax(-1).toType(t, false);
    NDArray out = probs.matMul(v); // (B, H, S, D)
    // project: (B, S, H*D) -> (B, S, C)
    out = out.transpose(0, 2, 1, 3).reshape(b, s, (long) heads * headDim);
    return call(store, "o_proj", out, training);
  }

  private NDArray heads(NDArray x, long b, long s, int n) {
    return x.reshape(b, s, n, headDim).transpose(0, 2, 1, 3);
  }

  private NDArray repeatKv(NDArray x) {
    int groups = heads / kvHeads;
    if (groups == 1) {
      return x;
    }
    Shape sh = x.getShape(); // (B, Hkv, T, D)
    return x.expandDims(2)
        .broadcast(new Shape(sh.get(0), kvHeads, groups, sh.get(2), headDim))
        .reshape(sh.get(0), (long) heads, sh.get(2), headDim);
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
