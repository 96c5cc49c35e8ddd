package io.github.geollava.core.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.ClipVisionConfig;
import io.github.geollava.core.model.TokenEmbedding;
import io.github.geollava.core.nn.HfBlock;

/**
 * CLIP's input embeddings ({@code CLIPVisionEmbeddings}): parameter {@code class_embedding} (C),
 * children {@code patch_embedding} and {@code position_embedding} (P + 1, C). Output: the class token
 * followed by the patches in row-major order, plus the position embeddings.
 */
public final class ClipVisionEmbeddings extends HfBlock {

  private final Parameter classEmbedding;
  private final ClipVisionConfig config;

  /**
   * Creates the block.
   *
   * @param config the vision config
   */
  public ClipVisionEmbeddings(ClipVisionConfig config) {
    this.config = config;
    int c = config.hiddenSize();
    this.classEmbedding = addHfParameter("class_embedding", Parameter.Type.WEIGHT, new Shape(c));
    addChild("patch_embedding", new PatchEmbedding(config.numChannels(), c, config.patchSize()),
        new Shape(1, config.numChannels(), config.imageSize(), config.imageSize()));
    addChild("position_embedding", new TokenEmbedding(config.numPositions(), c), new Shape(1));
  }

  /**
   * Embeds images.
   *
   * @param store the parameter store
   * @param pixels (N, channels, H, W), H = W = image_size
   * @param training whether training
   * @return (N, P + 1, C)
   */
  public NDArray forward(ParameterStore store, NDArray pixels, boolean training) {
    long n = pixels.getShape().get(0);
    long c = config.hiddenSize();
    // patches: (N, C, g, g) -> (N, P, C)
    NDArray patches = call(store, "patch_embedding", pixels, training);
    patches = patches.reshape(n, c, -1).transpose(0, 2, 1);
    // class token first
    NDArray cls = store.getValue(classEmbedding, pixels.getDevice(), training)
        .reshape(1, 1, c).broadcast(new Shape(n, 1, c));
    NDArray x = cls.concat(patches, 1);
    // absolute positions 0..P
    NDArray ids = pixels.getManager().arange(0, config.numPositions(), 1, ai.djl.ndarray.types.DataType.INT64)
        .toDevice(pixels.getDevice(), false);
    NDArray pos = call(store, "position_embedding", ids, training); // (P + 1, C)
    return x.add(pos.expandDims(0));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(forward(store, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), config.numPositions(), config.hiddenSize())};
  }
}
