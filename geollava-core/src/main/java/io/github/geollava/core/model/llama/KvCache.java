package io.github.geollava.core.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * The decoder's key/value cache: per layer the keys and values of every token seen so far, each
 * (B, Hkv, T, D), after rotary embedding. Explicit state owned by the caller: prefill fills it, each
 * decode step appends one position. Owns a sub-manager of the model's manager; close it when the
 * sequence is done.
 *
 * <p>Not thread-safe: one cache per sequence batch and thread.
 */
public final class KvCache implements AutoCloseable {

  private final NDManager manager;
  private final NDArray[] keys;
  private final NDArray[] values;
  private boolean closed;

  /**
   * Creates an empty cache.
   *
   * @param parent the manager whose device holds the cache (usually the model's)
   * @param layers the decoder's layer count
   */
  public KvCache(NDManager parent, int layers) {
    if (layers <= 0) {
      throw new IllegalArgumentException("layers must be > 0, got " + layers);
    }
    this.manager = parent.newSubManager();
    this.keys = new NDArray[layers];
    this.values = new NDArray[layers];
  }

  /** Number of decoder layers. */
  public int numLayers() {
    return keys.length;
  }

  /** Tokens cached so far (T), 0 when empty. */
  public long length() {
    checkOpen();
    return keys[0] == null ? 0 : keys[0].getShape().get(2);
  }

  /** Batch size of the cached sequences, or -1 when empty. */
  public long batchSize() {
    checkOpen();
    return keys[0] == null ? -1 : keys[0].getShape().get(0);
  }

  /**
   * Appends the new positions of one layer and returns the whole cached keys and values.
   *
   * @param layer the layer index
   * @param k new keys (B, Hkv, S, D)
   * @param v new values (B, Hkv, S, D)
   * @return {keys, values}, each (B, Hkv, T, D) with T = previous length + S; owned by the cache
   */
  public NDArray[] append(int layer, NDArray k, NDArray v) {
    checkOpen();
    NDArray nk = keys[layer] == null ? k : keys[layer].concat(k, 2);
    NDArray nv = values[layer] == null ? v : values[layer].concat(v, 2);
    // The new arrays must outlive the forward pass's scope; the old ones are dropped at once.
    NDScope.unregister(nk, nv);
    nk.attach(manager);
    nv.attach(manager);
    if (keys[layer] != null) {
      keys[layer].close();
      values[layer].close();
    }
    keys[layer] = nk;
    values[layer] = nv;
    return new NDArray[] {nk, nv};
  }

  /**
   * The cached keys of a layer.
   *
   * @param layer the layer index
   * @return (B, Hkv, T, D), or null when empty
   */
  public NDArray keys(int layer) {
    checkOpen();
    return keys[layer];
  }

  /**
   * The cached values of a layer.
   *
   * @param layer the layer index
   * @return (B, Hkv, T, D), or null when empty
   */
  public NDArray values(int layer) {
    checkOpen();
    return values[layer];
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("KvCache is closed");
    }
  }

  /** Frees every cached array. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      manager.close();
    }
  }
}
