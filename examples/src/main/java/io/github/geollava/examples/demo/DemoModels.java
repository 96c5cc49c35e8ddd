package io.github.geollava.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.config.HfConfigs;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.text.ChatTemplate;
import io.github.geollava.core.text.WordLevelTokenizers;
import io.github.geollava.dataset.llava.LlavaConversation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The demo's miniature LLaVA-NeXT-Video: the architecture of the 7B checkpoint (CLIP tower, 2 x 2
 * average pooling, GELU projector, LLaMA decoder with grouped-query attention) at a size that trains in
 * minutes on two cores, and a domain word-level tokenizer over the captions' vocabulary.
 *
 * <p>The vision tower takes 64 px frames in 8 px patches: an 8 x 8 grid pooled to 16 tokens per frame.
 * (64 / 8 is also a pair that Hugging Face's own {@code LlavaNextVideoPooler} accepts, so the saved
 * folder loads in transformers.)
 */
public final class DemoModels {

  /** Special tokens, ids 0..5 in this order; {@code <video>} and {@code <image>} are the media tokens. */
  public static final List<String> SPECIAL_TOKENS =
      List.of("<unk>", "<s>", "</s>", "<pad>", "<video>", "<image>");

  /** Frame size in pixels. */
  public static final int IMAGE_SIZE = 64;

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoModels() {}

  /**
   * Model width and depth.
   *
   * @param visionHidden CLIP width
   * @param visionLayers CLIP layers
   * @param textHidden LLaMA width
   * @param textLayers LLaMA layers
   * @param textIntermediate LLaMA MLP width
   */
  public record Size(int visionHidden, int visionLayers, int textHidden, int textLayers, int textIntermediate) {

    /** The default demo size: CLIP 64 x 2 layers, LLaMA 128 x 4 layers (about 1.5 M parameters). */
    public static final Size DEFAULT = new Size(64, 2, 128, 4, 352);

    /** The {@code --quick} size: CLIP 32 x 2, LLaMA 96 x 2. */
    public static final Size QUICK = new Size(32, 2, 96, 2, 256);

    /** Checks the sizes. */
    public Size {
      if (visionHidden % 4 != 0 || textHidden % 4 != 0 || visionLayers < 2 || textLayers < 1
          || textIntermediate < 1) {
        throw new IllegalArgumentException("bad demo model size " + this
            + ": widths must be multiples of 4 (4 heads), vision layers >= 2");
      }
    }
  }

  /**
   * The vocabulary of a cased whitespace tokenizer for conversations: every word of their prompts
   * rendered with the chat template and of their answers, in first-seen order.
   *
   * @param template the chat template
   * @param conversations the training conversations (never the test set)
   * @return the words
   */
  public static List<String> vocabulary(ChatTemplate template, Collection<LlavaConversation> conversations) {
    LinkedHashSet<String> words = new LinkedHashSet<>();
    for (LlavaConversation c : conversations) {
      String rendered = template.render(c.prompt()).replace(template.videoToken(), " ");
      words.addAll(WordLevelTokenizers.words(WordLevelTokenizers.Style.CASED_WHITESPACE, rendered));
      words.addAll(WordLevelTokenizers.words(WordLevelTokenizers.Style.CASED_WHITESPACE, c.caption()));
    }
    words.removeAll(SPECIAL_TOKENS);
    return new ArrayList<>(words);
  }

  /**
   * Writes the domain tokenizer: the special tokens, then the words.
   *
   * @param words the vocabulary
   * @param file usually {@code <model>/tokenizer.json}
   * @throws IOException if writing fails
   */
  public static void writeTokenizer(List<String> words, Path file) throws IOException {
    WordLevelTokenizers.write(SPECIAL_TOKENS, words, WordLevelTokenizers.Style.CASED_WHITESPACE, file);
  }

  /**
   * The model config for a vocabulary.
   *
   * @param vocabSize special tokens plus words
   * @param size the widths and depths
   * @return the config
   */
  public static LlavaNextVideoConfig config(int vocabSize, Size size) {
    String json = String.format(Locale.ROOT,
        "{\"model_type\":\"llava_next_video\",\"image_token_index\":5,\"video_token_index\":4,"
            + "\"projector_hidden_act\":\"gelu\",\"vision_feature_layer\":-2,"
            + "\"vision_feature_select_strategy\":\"default\",\"spatial_pool_mode\":\"average\","
            + "\"spatial_pool_stride\":2,\"image_seq_length\":64,\"video_seq_length\":32,"
            + "\"tie_word_embeddings\":false,"
            + "\"vision_config\":{\"model_type\":\"clip_vision_model\",\"hidden_size\":%d,"
            + "\"intermediate_size\":%d,\"num_hidden_layers\":%d,\"num_attention_heads\":4,"
            + "\"num_channels\":3,\"image_size\":%d,\"patch_size\":8,\"hidden_act\":\"quick_gelu\","
            + "\"layer_norm_eps\":1e-5,\"projection_dim\":%d},"
            + "\"text_config\":{\"model_type\":\"llama\",\"vocab_size\":%d,\"hidden_size\":%d,"
            + "\"intermediate_size\":%d,\"num_hidden_layers\":%d,\"num_attention_heads\":4,"
            + "\"num_key_value_heads\":2,\"hidden_act\":\"silu\",\"max_position_embeddings\":512,"
            + "\"rms_norm_eps\":1e-5,\"rope_theta\":10000.0,\"bos_token_id\":1,\"eos_token_id\":2,"
            + "\"pad_token_id\":3,\"tie_word_embeddings\":false}}",
        size.visionHidden(), size.visionHidden() * 2, size.visionLayers(), IMAGE_SIZE, size.visionHidden(),
        vocabSize, size.textHidden(), size.textIntermediate(), size.textLayers());
    try {
      JsonNode node = JSON.readTree(json);
      return LlavaNextVideoConfig.fromJson(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The image processor: CLIP's normalisation at {@link #IMAGE_SIZE}. */
  public static PreprocessorConfig preprocessor() {
    return PreprocessorConfig.clipDefaults().withSize(IMAGE_SIZE);
  }

  /**
   * Writes the processor config next to a saved model so the folder is complete.
   *
   * @param dir the model folder
   * @throws IOException if writing fails
   */
  public static void writePreprocessor(Path dir) throws IOException {
    HfConfigs.write(JSON.readTree(preprocessor().toJson()), dir.resolve(PreprocessorConfig.IMAGE_FILE));
  }
}
