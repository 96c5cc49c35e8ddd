package io.github.geollava.core.model.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.config.LlamaConfig;

/**
 * Rotary position embeddings as {@code LlamaRotaryEmbedding} computes them (transformers 4.45): inverse
 * frequencies {@code 1 / theta^(2i / D)} in float32, divided by the factor for {@code rope_scaling}
 * type {@code linear}; {@code cos} and {@code sin} of {@code position x inv_freq}, the half repeated
 * to the full head width. No parameters, so not a block.
 */
public final class RotaryEmbedding {

  private final float[] invFreq; // (D/2)
  private final int headDim;

  /**
   * Creates the embedding for a decoder config.
   *
   * @param config the text config; its {@code rope_scaling} must be absent, {@code default} or
   *     {@code linear}
   */
  public RotaryEmbedding(LlamaConfig config) {
    String type = config.ropeScalingType();
    if (type != null && !type.equals("linear") && !type.equals("default")) {
      throw new IllegalArgumentException("text_config.rope_scaling type '" + type
          + "' is not supported (supported: none, default, linear)");
    }
    this.headDim = config.headDim();
    float factor = "linear".equals(type) ? (float) config.ropeScalingFactor() : 1f;
    this.invFreq = new float[headDim / 2];
    for (int i = 0; i < invFreq.length; i++) {
      // float32 like torch: (2i / D) as float, then base ** e, then the reciprocal
      float e = (float) (2 * i) / (float) headDim;
      float p = (float) Math.pow(config.ropeTheta(), e);
      invFreq[i] = (1f / p) / factor;
    }
  }

  /**
   * Cosines and sines for the given positions.
   *
   * @param positions (B, S) integer positions
   * @param dataType the compute type of the attention (float32 on CPU)
   * @return {cos, sin}, each (B, 1, S, D), ready to broadcast over heads
   */
  public NDList cosSin(NDArray positions, DataType dataType) {
    NDManager m = positions.getManager();
    Shape s = positions.getShape();
    NDArray inv = m.create(invFreq, new Shape(1, 1, invFreq.length)).toDevice(positions.getDevice(), false);
    NDArray freqs = positions.toType(DataType.FLOAT32, false).reshape(s.get(0), s.get(1), 1).mul(inv);
    NDArray emb = freqs.concat(freqs, 2).expandDims(1); // (B, 1, S, D)
    NDArray cos = emb.cos();
    NDArray sin = emb.sin();
    if (dataType != DataType.FLOAT32) {
      cos = cos.toType(dataType, false);
      sin = sin.toType(dataType, false);
    }
    return new NDList(cos, sin);
  }

  /**
   * Applies the rotation: {@code x cos + rotate_half(x) sin}, with {@code rotate_half(x) = [-x2, x1]}.
   *
   * @param x (B, H, S, D)
   * @param cos (B, 1, S, D)
   * @param sin (B, 1, S, D)
   * @return (B, H, S, D)
   */
  public static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
    int last = x.getShape().dimension() - 1;
    NDList halves = x.split(2, last);
    NDArray rotated = halves.get(1).neg().concat(halves.get(0), last);
    return x.mul(cos).add(rotated.mul(sin));
  }

  /** The head width D. */
  public int headDim() {
    return headDim;
  }
}
