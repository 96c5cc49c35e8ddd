package io.github.geollava.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What {@link Generator} needs from a model: logits for a chunk of tokens, with an optional KV cache.
 *
 * <p>Shapes: B batch, S new tokens in this call, P tokens already in the cache, V vocabulary, F frames.
 *
 * @param <C> the model's KV-cache type; a cache that is {@link AutoCloseable} is closed by the generator
 *     when generation ends
 */
public interface CausalLm<C> {

  /** The manager that owns the model's weights; the generator opens its per-call sub-managers from it. */
  NDManager manager();

  /** A fresh, empty KV cache for one generation. */
  C newCache();

  /**
   * Runs the model on the next chunk of tokens.
   *
   * @param inputIds {@code (B, S)} int64 token ids
   * @param attentionMask {@code (B, P + S)} int64, 0 at left padding, 1 elsewhere; the model derives
   *     position ids from it
   * @param pixelValuesVideos {@code (B, F, 3, H, W)} float32 when the chunk holds video tokens (prefill,
   *     or every call without a cache), otherwise null
   * @param cache the cache to read and extend, or null to run without one
   * @return {@code (B, S, V)} float32 logits
   */
  NDArray logits(NDArray inputIds, NDArray attentionMask, NDArray pixelValuesVideos, C cache);

  /**
   * Like {@link #logits} but only for the last position, which is all that generation needs; a model
   * can override it to skip the LM head on the other positions (a 32k-vocabulary head over a long
   * prompt is a large share of the prefill).
   *
   * @param inputIds {@code (B, S)} int64 token ids
   * @param attentionMask {@code (B, P + S)} int64
   * @param pixelValuesVideos {@code (B, F, 3, H, W)} float32, or null
   * @param cache the cache, or null
   * @return {@code (B, 1, V)} float32 logits
   */
  default NDArray lastLogits(
      NDArray inputIds, NDArray attentionMask, NDArray pixelValuesVideos, C cache) {
    NDArray all = logits(inputIds, attentionMask, pixelValuesVideos, cache);
    NDArray last = all.get(":, -1:, :");
    all.close();
    return last;
  }
}
