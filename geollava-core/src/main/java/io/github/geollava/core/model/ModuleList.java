package io.github.geollava.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.nn.HfBlock;

/**
 * PyTorch's {@code nn.ModuleList}: children named {@code 0, 1, ...}; it has no forward of its own, the
 * owner iterates over {@link #get(int)}.
 */
public final class ModuleList extends HfBlock {

  private int size;

  /** Creates an empty list. */
  public ModuleList() {}

  /**
   * Appends a block as child {@code size()}.
   *
   * @param block the block
   * @param inputShape the shape its initialisation needs
   * @return this list
   */
  public ModuleList append(Block block, Shape inputShape) {
    addChild(Integer.toString(size), block, inputShape);
    size++;
    return this;
  }

  /** Number of children. */
  public int size() {
    return size;
  }

  /**
   * The current child at an index (a replacement if one was swapped in).
   *
   * @param index 0-based
   * @return the block
   */
  public Block get(int index) {
    return child(Integer.toString(index));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException(
        "a ModuleList has no forward; its owner calls the children in turn");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
