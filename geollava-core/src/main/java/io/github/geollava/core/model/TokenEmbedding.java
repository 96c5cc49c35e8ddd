package io.github.geollava.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.nn.HfBlock;

/**
 * PyTorch's {@code nn.Embedding}: a lookup table, parameter {@code weight} (V, C). The lookup is a row
 * gather, so gradients reach only the rows used.
 */
public final class TokenEmbedding extends HfBlock {

  private final Parameter weight;
  private final long rows;
  private final long channels;

  /**
   * Creates the table.
   *
   * @param rows V
   * @param channels C
   */
  public TokenEmbedding(long rows, long channels) {
    this.rows = rows;
    this.channels = channels;
    this.weight = addHfParameter("weight", Parameter.Type.WEIGHT, new Shape(rows, channels));
  }

  /** The table parameter (V, C). */
  public Parameter weight() {
    return weight;
  }

  /** Number of rows V. */
  public long rows() {
    return rows;
  }

  /**
   * Looks up rows.
   *
   * @param store the parameter store
   * @param ids integer ids of any shape (...), each in [0, V)
   * @param training whether training
   * @return (..., C)
   */
  public NDArray forward(ParameterStore store, NDArray ids, boolean training) {
    NDArray w = store.getValue(weight, ids.getDevice(), training);
    Shape outShape = ids.getShape().addAll(new Shape(channels));
    NDArray flat = ids.getDataType() == DataType.INT64 ? ids.flatten() : ids.toType(DataType.INT64, false).flatten();
    return w.get(new NDIndex("{}", flat)).reshape(outShape);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forward(store, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].addAll(new Shape(channels))};
  }
}
