package io.github.geollava.core.model.clip;

import io.github.geollava.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.ClipVisionConfig;
import io.github.geollava.core.nn.HfBlock;

/** CLIP's MLP: {@code fc2(act(fc1(x)))}, act from {@code hidden_act} (quick_gelu for CLIP). */
public final class ClipMlp extends HfBlock {

  private final String act;

  /**
   * Creates the block.
   *
   * @param config the vision config
   */
  public ClipMlp(ClipVisionConfig config) {
    this.act = config.hiddenAct();
    long c = config.hiddenSize();
    long i = config.intermediateSize();
    addChild("fc1", Linear.builder().setUnits(i).build(), new Shape(1, c));
    addChild("fc2", Linear.builder().setUnits(c).build(), new Shape(1, i));
  }

  /**
   * Applies the MLP.
   *
   * @param store the parameter store
   * @param x (N, P, C)
   * @param training whether training
   * @return (N, P, C)
   */
  public NDArray forward(ParameterStore store, NDArray x, boolean training) {
    NDArray h = call(store, "fc1", x, training);
    return call(store, "fc2", activate(h, act), training);
  }

  /**
   * The activations transformers names in {@code hidden_act}.
   *
   * @param x the input
   * @param act {@code quick_gelu} ({@code x sigmoid(1.702 x)}), {@code gelu} (erf), {@code gelu_new}
   *     (tanh approximation), {@code relu} or {@code silu}
   * @return the activated array
   */
  static NDArray activate(NDArray x, String act) {
    return switch (act) {
      case "quick_gelu" -> x.mul(Activation.sigmoid(x.mul(Scalars.like(x, 1.702f))));
      case "gelu" -> Activation.gelu(x);
      case "gelu_new" -> x.mul(Scalars.like(x, 0.5f)).mul(x.pow(Scalars.like(x, 3f)).mul(Scalars.like(x, 0.044715f)).add(x)
          .mul(Scalars.like(x, (float) Math.sqrt(2 / Math.PI))).tanh().add(1f));
      case "relu" -> Activation.relu(x);
      case "silu" -> x.mul(Activation.sigmoid(x));
      default -> throw new IllegalArgumentException("unsupported hidden_act '" + act + "'");
    };
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forward(store, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
