package io.github.geollava.core.model.llavanext;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.config.ClipVisionConfig;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.model.Intermediates;
import io.github.geollava.core.model.clip.ClipVisionModel;
import io.github.geollava.core.model.llama.KvCache;
import io.github.geollava.core.model.llama.LlamaForCausalLm;
import io.github.geollava.core.model.llama.LlamaModel;
import io.github.geollava.core.nn.HfBlock;
import java.util.List;

/**
 * The root block of LLaVA-NeXT-Video ({@code LlavaNextVideoForConditionalGeneration}, transformers
 * 4.45 module names): {@code vision_tower}, {@code multi_modal_projector}, {@code language_model}
 * and the parameter {@code image_newline} (image path only: kept for checkpoint round trips).
 *
 * <p>Video path, per frame: hidden state {@code vision_feature_layer} of the tower, class token dropped,
 * reshaped to the g x g patch grid, pooled with {@code spatial_pool_stride}, projected to the text
 * width. The features replace the embeddings of the {@code <video>} tokens in order (row-major over
 * batch and sequence), so batch item b's frames fill its own placeholders.
 *
 * <p>As a DJL block, {@code forward} takes {@code (input_ids (B, S) int64, attention_mask (B, S),
 * [pixel_values_videos (B, F, 3, H, W)])} and returns {@code (logits (B, S, V))}; it works under a
 * {@code GradientCollector} for training.
 */
public final class LlavaNextVideoForConditionalGeneration extends HfBlock {

  private final LlavaNextVideoConfig config;
  private final Parameter imageNewline;

  /**
   * Creates the block tree (parameters uninitialised).
   *
   * @param config the model config; {@code spatial_pool_mode} {@code conv} and the {@code full}
   *     feature strategy are rejected (transformers 4.45 cannot run them on the video path either)
   */
  public LlavaNextVideoForConditionalGeneration(LlavaNextVideoConfig config) {
    if ("conv".equals(config.spatialPoolMode())) {
      throw new IllegalArgumentException(
          "spatial_pool_mode 'conv' is not supported (supported: average, max)");
    }
    if (!"default".equals(config.visionFeatureSelectStrategy())) {
      throw new IllegalArgumentException("vision_feature_select_strategy '"
          + config.visionFeatureSelectStrategy() + "' is not supported on the video path (supported: default)");
    }
    if (!"llama".equals(config.textConfig().modelType())) {
      throw new IllegalArgumentException("text_config.model_type '" + config.textConfig().modelType()
          + "' is not supported (supported: llama)");
    }
    if (config.videoTokenIndex() >= config.textConfig().vocabSize()) {
      throw new IllegalArgumentException("video_token_index " + config.videoTokenIndex()
          + " is outside text_config.vocab_size " + config.textConfig().vocabSize());
    }
    this.config = config;
    ClipVisionConfig v = config.visionConfig();
    addChild("vision_tower", new ClipVisionModel(v),
        new Shape(1, v.numChannels(), v.imageSize(), v.imageSize()));
    addChild("multi_modal_projector", new MultiModalProjector(config), new Shape(1, 1, v.hiddenSize()));
    this.imageNewline = addHfParameter("image_newline", Parameter.Type.OTHER,
        new Shape(config.textConfig().hiddenSize()));
    addChild("language_model", new LlamaForCausalLm(config.textConfig()), new Shape(1, 1));
  }

  /** The model config. */
  public LlavaNextVideoConfig config() {
    return config;
  }

  /** The language model with its head. */
  public LlamaForCausalLm languageModel() {
    return (LlamaForCausalLm) child("language_model");
  }

  /** The vision tower. */
  public ClipVisionModel visionTower() {
    return (ClipVisionModel) child("vision_tower");
  }

  /** The {@code image_newline} parameter (C), unused on the video path. */
  public Parameter imageNewline() {
    return imageNewline;
  }

  /**
   * Video features for every frame.
   *
   * @param store the parameter store
   * @param pixels (B, F, channels, H, W), already normalised
   * @param trace where to record intermediates, or null
   * @param training whether training
   * @return (B x F x P', C) with P' = pooled tokens per frame, in batch, frame, token order
   */
  public NDArray videoFeatures(ParameterStore store, NDArray pixels, Intermediates trace, boolean training) {
    ClipVisionConfig v = config.visionConfig();
    Shape s = pixels.getShape();
    if (s.dimension() != 5 || s.get(2) != v.numChannels() || s.get(3) != v.imageSize()
        || s.get(4) != v.imageSize()) {
      throw new IllegalArgumentException("pixel_values_videos must be (batch, frames, "
          + v.numChannels() + ", " + v.imageSize() + ", " + v.imageSize() + "), got " + s);
    }
    long n = s.get(0) * s.get(1);
    DataType type = imageNewline.getArray().getDataType();
    NDArray frames = pixels.reshape(n, s.get(2), s.get(3), s.get(4)).toType(type, false);
    // vision tower: hidden state of vision_feature_layer (all of them when tracing)
    int wanted = config.visionFeatureLayerIndex();
    List<NDArray> hidden = visionTower().visionModel()
        .hiddenStates(store, frames, trace == null ? wanted : v.numHiddenLayers(), training);
    if (trace != null) {
      for (int i = 0; i < hidden.size(); i++) {
        trace.put("vision_hidden_" + i, hidden.get(i));
      }
    }
    // select: drop the class token -> (N, P, Cv)
    NDArray selected = hidden.get(wanted).get(new NDIndex(":, 1:, :"));
    // pool on the patch grid: (N, Cv, g, g) -> (N, P', Cv)
    int g = v.gridSize();
    long cv = v.hiddenSize();
    NDArray grid = selected.reshape(n, g, g, cv).transpose(0, 3, 1, 2);
    int k = config.spatialPoolStride();
    Shape kernel = new Shape(k, k);
    NDArray pooled = "max".equals(config.spatialPoolMode())
        ? Pool.maxPool2d(grid, kernel, kernel, new Shape(0, 0), false)
        : Pool.avgPool2d(grid, kernel, kernel, new Shape(0, 0), false, true);
    pooled = pooled.reshape(n, cv, -1).transpose(0, 2, 1);
    // project to the text width, frames concatenated
    NDArray features = ((MultiModalProjector) child("multi_modal_projector")).forward(store, pooled, training);
    features = features.reshape(-1, config.textConfig().hiddenSize());
    if (trace != null) {
      trace.put("vision_selected", selected);
      trace.put("vision_pooled", pooled);
      trace.put("video_features", features);
    }
    return features;
  }

  /**
   * Token embeddings with the video features scattered into the {@code <video>} positions.
   *
   * @param store the parameter store
   * @param inputIds (B, S) int64
   * @param pixels (B, F, channels, H, W) or null (then the ids must hold no video token, unless
   *     {@code decoding})
   * @param decoding true on a decode step with a filled cache, where a generated video id is an
   *     ordinary token
   * @param trace where to record intermediates, or null
   * @param training whether training
   * @return (B, S, C)
   * @throws IllegalArgumentException if the number of video tokens differs from the number of features
   */
  public NDArray inputsEmbeds(ParameterStore store, NDArray inputIds, NDArray pixels, boolean decoding,
      Intermediates trace, boolean training) {
    LlamaModel lm = languageModel().model();
    NDArray embeds = lm.embed(store, inputIds, training);
    long[] ids = inputIds.toLongArray();
    int videoId = config.videoTokenIndex();
    int count = 0;
    for (long id : ids) {
      if (id == videoId) {
        count++;
      }
    }
    if (pixels == null && (count == 0 || decoding)) {
      record(trace, embeds);
      return embeds;
    }
    if (pixels == null) {
      throw new IllegalArgumentException("input_ids hold " + count + " video tokens (id " + videoId
          + ") but no pixel_values_videos were given");
    }
    NDArray features = videoFeatures(store, pixels, trace, training).toType(embeds.getDataType(), false);
    long rows = features.getShape().get(0);
    if (rows != count) {
      Shape ps = pixels.getShape();
      throw new IllegalArgumentException("input_ids hold " + count + " video tokens (id " + videoId
          + ") but the video gives " + rows + " features (" + ps.get(0) + " x " + ps.get(1)
          + " frames x " + config.videoTokensPerFrame() + " tokens per frame); expand the <video>"
          + " placeholder to exactly that many tokens");
    }
    // scatter in order: row r of the flattened (B*S, C) embeddings takes feature k for the k-th video token
    long bs = ids.length;
    long[] index = new long[ids.length];
    int k = 0;
    for (int r = 0; r < ids.length; r++) {
      index[r] = ids[r] == videoId ? bs + k++ : r;
    }
    long c = embeds.getShape().get(2);
    NDArray table = embeds.reshape(bs, c).concat(features, 0);
    NDArray idx = embeds.getManager().create(index).toDevice(embeds.getDevice(), false);
    NDArray out = table.get(new NDIndex("{}", idx)).reshape(embeds.getShape());
    record(trace, out);
    return out;
  }

  private static void record(Intermediates trace, NDArray embeds) {
    if (trace != null) {
      trace.put("inputs_embeds", embeds);
    }
  }

  /**
   * The full forward pass.
   *
   * @param store the parameter store
   * @param inputIds (B, S) int64
   * @param attentionMask (B, T) with T = cached + S, or null for all ones
   * @param pixels (B, F, channels, H, W) or null
   * @param cache the cache to use and extend, or null
   * @param trace where to record intermediates, or null
   * @param lastPositionOnly compute logits for the last position only (S' = 1)
   * @param training whether training
   * @return logits (B, S, V) or (B, 1, V), in the compute type
   */
  public NDArray forward(ParameterStore store, NDArray inputIds, NDArray attentionMask, NDArray pixels,
      KvCache cache, Intermediates trace, boolean lastPositionOnly, boolean training) {
    if (inputIds.getShape().dimension() != 2) {
      throw new IllegalArgumentException("input_ids must be (batch, seq), got " + inputIds.getShape());
    }
    boolean decoding = cache != null && cache.length() > 0;
    NDArray embeds = inputsEmbeds(store, inputIds, pixels, decoding, trace, training);
    NDArray h = languageModel().model().forward(store, embeds, attentionMask, cache, trace, training);
    if (lastPositionOnly) {
      h = h.get(new NDIndex(":, -1:, :"));
    }
    NDArray logits = languageModel().head(store, h, training);
    if (trace != null) {
      trace.put("logits", logits);
    }
    return logits;
  }

  /**
   * DJL entry point: {@code (input_ids, attention_mask, [pixel_values_videos])} to {@code (logits)}.
   * No cache; usable under a {@code GradientCollector}.
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
    NDArray pixels = inputs.size() > 2 ? inputs.get(2) : null;
    return new NDList(forward(store, inputs.get(0), mask, pixels, null, null, false, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape ids = inputShapes[0];
    return new Shape[] {new Shape(ids.get(0), ids.get(1), config.textConfig().vocabSize())};
  }
}
