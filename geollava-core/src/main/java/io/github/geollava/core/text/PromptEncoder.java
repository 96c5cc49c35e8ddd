package io.github.geollava.core.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns a user prompt into the token ids the model receives: template, tokenizer (with BOS), then the
 * single {@code <video>} id expanded to one id per pooled video feature.
 *
 * <p>The model replaces the video-token embeddings with the video features in order, so it must receive
 * exactly {@code frames x tokensPerFrame} copies. Hugging Face's {@code LlavaNextVideoProcessor}
 * (transformers 4.45) does the same expansion on the text before tokenizing: per frame
 * {@code (height / patch) * (width / patch) / 4} tokens, the 4 being the 2 x 2 average pool. Expanding the
 * ids after tokenizing gives the same ids, because {@code <video>} is a special token that the tokenizer
 * never merges with its neighbours.
 */
public final class PromptEncoder {

  private final TextTokenizer tokenizer;
  private final ChatTemplate template;
  private final long videoTokenId;

  /**
   * Creates an encoder.
   *
   * @param tokenizer the tokenizer, which must know the template's video token
   * @param template the chat template
   * @param videoTokenId the model's {@code video_token_index}; checked against the tokenizer
   */
  public PromptEncoder(TextTokenizer tokenizer, ChatTemplate template, long videoTokenId) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.template = Objects.requireNonNull(template, "template");
    long id = tokenizer.requireTokenId(template.videoToken());
    if (id != videoTokenId) {
      throw new IllegalArgumentException(
          "tokenizer "
              + tokenizer.source()
              + " maps '"
              + template.videoToken()
              + "' to "
              + id
              + " but the model's video_token_index is "
              + videoTokenId);
    }
    this.videoTokenId = videoTokenId;
  }

  /**
   * Video tokens per frame after pooling: {@code (imageSize / patchSize)^2 / stride^2}.
   *
   * @param imageSize the vision tower's input size in pixels
   * @param patchSize the patch size in pixels
   * @param poolStride the average-pool stride ({@code spatial_pool_stride})
   * @return the token count per frame
   */
  public static int tokensPerFrame(int imageSize, int patchSize, int poolStride) {
    if (imageSize <= 0 || patchSize <= 0 || poolStride <= 0) {
      throw new IllegalArgumentException(
          "imageSize, patchSize and poolStride must be > 0, got "
              + imageSize
              + ", "
              + patchSize
              + ", "
              + poolStride);
    }
    int grid = imageSize / patchSize;
    if (grid % poolStride != 0) {
      throw new IllegalArgumentException(
          "patch grid " + grid + " (image " + imageSize + " / patch " + patchSize
              + ") is not divisible by the pool stride " + poolStride);
    }
    int side = grid / poolStride;
    return side * side;
  }

  /**
   * Encodes one prompt.
   *
   * @param prompt the user's prompt
   * @param videoTokens how many video-token ids the placeholder becomes (frames x tokens per frame)
   * @return the ids, starting with BOS
   */
  public long[] encode(String prompt, int videoTokens) {
    if (videoTokens <= 0) {
      throw new IllegalArgumentException("videoTokens must be > 0, got " + videoTokens);
    }
    long[] ids = tokenizer.encode(template.render(prompt), true);
    int at = -1;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == videoTokenId) {
        if (at >= 0) {
          throw new IllegalStateException("the rendered prompt holds more than one video token");
        }
        at = i;
      }
    }
    if (at < 0) {
      throw new IllegalStateException(
          "the tokenizer did not keep '" + template.videoToken() + "' as one token");
    }
    long[] out = new long[ids.length - 1 + videoTokens];
    System.arraycopy(ids, 0, out, 0, at);
    Arrays.fill(out, at, at + videoTokens, videoTokenId);
    System.arraycopy(ids, at + 1, out, at + videoTokens, ids.length - at - 1);
    return out;
  }

  /** The tokenizer. */
  public TextTokenizer tokenizer() {
    return tokenizer;
  }

  /** The template. */
  public ChatTemplate template() {
    return template;
  }

  /** The video token id. */
  public long videoTokenId() {
    return videoTokenId;
  }
}
