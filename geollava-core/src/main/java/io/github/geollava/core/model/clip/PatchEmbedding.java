package io.github.geollava.core.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.nn.HfBlock;

/**
 * CLIP's patch embedding: a bias-free convolution with kernel and stride equal to the patch size,
 * parameter {@code weight} (C, channels, patch, patch) as in {@code nn.Conv2d}.
 */
public final class PatchEmbedding extends HfBlock {

  private final Parameter weight;
  private final int patch;

  /**
   * Creates the block.
   *
   * @param channels input channels (3)
   * @param hidden output channels C
   * @param patch the patch size
   */
  public PatchEmbedding(int channels, int hidden, int patch) {
    this.patch = patch;
    this.weight = addHfParameter("weight", Parameter.Type.WEIGHT,
        new Shape(hidden, channels, patch, patch));
  }

  /**
   * Embeds patches.
   *
   * @param store the parameter store
   * @param pixels (N, channels, H, W)
   * @param training whether training
   * @return (N, C, H / patch, W / patch)
   */
  public NDArray forward(ParameterStore store, NDArray pixels, boolean training) {
    NDArray w = store.getValue(weight, pixels.getDevice(), training);
    return Conv2d.conv2d(pixels, w, null, new Shape(patch, patch)).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forward(store, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {
      new Shape(s.get(0), weight.getShape().get(0), s.get(2) / patch, s.get(3) / patch)
    };
  }
}
