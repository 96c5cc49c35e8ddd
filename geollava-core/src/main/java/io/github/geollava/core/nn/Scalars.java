package io.github.geollava.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars and small tensors for differentiable code, held in engine memory.
 *
 * <p>Why: DJL 0.36's {@code x.mul(2f)} (likewise {@code div}, {@code pow}) wraps the number in a tensor
 * over a Java direct buffer, multiplies, and closes that tensor; PyTorch's autograd has meanwhile
 * saved it for the backward pass. Once the garbage collector frees the buffer, backward reads garbage:
 * wrong or NaN gradients, in about one training step of 250 here and in every step when collections
 * are forced between forward and backward. A tensor made by the engine ({@code full}, {@code duplicate})
 * owns its memory, which autograd keeps alive for as long as it needs it. Inference is unaffected.
 */
public final class Scalars {

  private Scalars() {}

  /**
   * A 0-d tensor of {@code value} with the data type and device of {@code like}, owned by the engine.
   *
   * @param like the array it will be combined with
   * @param value the value
   * @return the scalar tensor, attached to {@code like}'s manager
   */
  public static NDArray like(NDArray like, float value) {
    return like.getManager().full(new Shape(), value, like.getDataType()).toDevice(like.getDevice(), false);
  }
}
