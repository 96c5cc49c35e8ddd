package io.github.geollava.core.caption;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.text.TextTokenizer;
import io.github.geollava.core.text.WordLevelTokenizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic tiny LLaVA-NeXT-Video models, tokenizers and captioners for applications' unit tests:
 * the same code paths as a 7B checkpoint (CLIP tower, pooling, projector, LLaMA decoder with GQA, KV
 * cache, tokenizer, image processor), built in memory from a seed in a fraction of a second, with no
 * files.
 *
 * <p>The model has random weights, so its captions are fluent nonsense over {@link #WORDS}; equal seeds
 * give equal captions, which is what an integration test needs.
 *
 * <pre>{@code
 * try (ChangeCaptioner captioner = TinyModels.captioner(42)) {
 *   String text = captioner.describe(before, after);   // same text for the same images and seed
 * }
 * }</pre>
 */
public final class TinyModels {

  /** Special tokens, ids 0.. in this order. */
  public static final List<String> SPECIAL_TOKENS = List.of("<unk>", "<s>", "</s>", "<pad>");

  /** The word vocabulary after the special tokens: the prompt's words and a small change-caption lexicon. */
  public static final List<String> WORDS =
      List.of(
          "user", "assistant", ":", ",", ".", "describe", "the", "images", "image", "in", "video",
          "frames", "and", "elaborate", "on", "changes", "between", "them", "1", "2", "3", "a", "an",
          "of", "with", "is", "are", "was", "were", "has", "have", "been", "no", "new", "more", "less",
          "area", "region", "site", "field", "fields", "road", "roads", "building", "buildings", "house",
          "houses", "forest", "trees", "river", "lake", "water", "farmland", "crops", "construction",
          "airport", "runway", "bridge", "parking", "lot", "solar", "farm", "road-network", "urban",
          "rural", "green", "brown", "dense", "sparse", "large", "small", "built", "cleared",
          "expanded", "flooded", "appeared", "disappeared", "changed", "unchanged", "there", "it",
          "shows", "show", "first", "second", "later", "earlier", "now", "north", "south",
          "east", "west", "center", "edge");

  /** Frame size in pixels: a 56 px CLIP input with 7 px patches, pooled to 16 tokens per frame. */
  public static final int IMAGE_SIZE = 56;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TinyModels() {}

  /** The vocabulary size: special tokens, words, then {@code <video>} and {@code <image>}. */
  public static int vocabSize() {
    return SPECIAL_TOKENS.size() + distinctWords().size() + 2;
  }

  /** Id of {@code <video>}: the second-to-last id. */
  public static int videoTokenId() {
    return vocabSize() - 2;
  }

  /** Id of {@code <image>}: the last id. */
  public static int imageTokenId() {
    return vocabSize() - 1;
  }

  /**
   * The tiny config: CLIP hidden 32, 2 layers, 4 heads, image 56, patch 7; LLaMA hidden 64, 2 layers,
   * 4 heads with 2 key/value heads (GQA), intermediate 128, untied head, 512 positions.
   *
   * @return the config
   */
  public static LlavaNextVideoConfig config() {
    String json =
        "{\"model_type\":\"llava_next_video\",\"image_token_index\":" + imageTokenId()
            + ",\"video_token_index\":" + videoTokenId()
            + ",\"projector_hidden_act\":\"gelu\",\"vision_feature_layer\":-2,"
            + "\"vision_feature_select_strategy\":\"default\",\"spatial_pool_mode\":\"average\","
            + "\"spatial_pool_stride\":2,\"image_seq_length\":64,\"video_seq_length\":32,"
            + "\"tie_word_embeddings\":false,"
            + "\"vision_config\":{\"model_type\":\"clip_vision_model\",\"hidden_size\":32,"
            + "\"intermediate_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
            + "\"num_channels\":3,\"image_size\":" + IMAGE_SIZE + ",\"patch_size\":7,"
            + "\"hidden_act\":\"quick_gelu\",\"layer_norm_eps\":1e-5,\"projection_dim\":32},"
            + "\"text_config\":{\"model_type\":\"llama\",\"vocab_size\":" + vocabSize()
            + ",\"hidden_size\":64,\"intermediate_size\":128,\"num_hidden_layers\":2,"
            + "\"num_attention_heads\":4,\"num_key_value_heads\":2,\"hidden_act\":\"silu\","
            + "\"max_position_embeddings\":512,\"rms_norm_eps\":1e-5,\"rope_theta\":10000.0,"
            + "\"bos_token_id\":1,\"eos_token_id\":2,\"pad_token_id\":3,\"tie_word_embeddings\":false}}";
    try {
      JsonNode node = JSON.readTree(json);
      return LlavaNextVideoConfig.fromJson(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A tiny model with seeded random weights on the CPU.
   *
   * @param seed the seed; equal seeds give equal weights
   * @return the model; close it
   */
  public static LlavaNextVideoModel model(long seed) {
    return LlavaNextVideoModel.create(config(), seed, Device.cpu());
  }

  /**
   * The word-level tokenizer of the tiny model (a real Hugging Face {@code tokenizer.json} generated in
   * code), with {@code <video>} and {@code <image>} at the ids of {@link #config()}.
   *
   * @return the tokenizer; close it
   */
  public static TextTokenizer tokenizer() {
    List<String> specials = new ArrayList<>(SPECIAL_TOKENS);
    try {
      // The media tokens go after the words; TextTokenizer adds them and checks their ids.
      Path tmp = java.nio.file.Files.createTempFile("geollava-tiny-", ".json");
      try {
        WordLevelTokenizers.write(specials, distinctWords(), tmp);
        return TextTokenizer.builder()
            .setTokenizerFile(tmp)
            .optAddedSpecialToken("<video>", videoTokenId())
            .optAddedSpecialToken("<image>", imageTokenId())
            .build();
      } finally {
        java.nio.file.Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the tiny tokenizer to a temporary file", e);
    }
  }

  /** The image processor of the tiny model: CLIP's, at 56 px. */
  public static PreprocessorConfig preprocessor() {
    return PreprocessorConfig.clipDefaults().withSize(IMAGE_SIZE);
  }

  /**
   * A tiny captioner: {@link #model(long)}, {@link #tokenizer()}, greedy decoding of at most 24 tokens
   * ending at {@code </s>}.
   *
   * @param seed the weight seed
   * @return the captioner; close it
   */
  public static ChangeCaptioner captioner(long seed) {
    return captioner(seed, 24);
  }

  /**
   * A tiny captioner with an answer-length cap.
   *
   * @param seed the weight seed
   * @param maxNewTokens the most new tokens per answer
   * @return the captioner; close it
   */
  public static ChangeCaptioner captioner(long seed, int maxNewTokens) {
    LlavaNextVideoModel m = model(seed);
    TextTokenizer t;
    try {
      t = tokenizer();
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    try {
      return ChangeCaptioner.builder()
          .setModel(m, t)
          .optPreprocessor(preprocessor())
          .optMaxNewTokens(maxNewTokens)
          .build();
    } catch (IOException | MalformedModelException | RuntimeException e) {
      m.close();
      t.close();
      throw new IllegalStateException("could not build the tiny captioner: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a complete tiny model folder, as a Hugging Face checkpoint folder looks: {@code config.json},
   * {@code model.safetensors}, {@code tokenizer.json} (with {@code <video>} and {@code <image>}) and
   * {@code preprocessor_config.json} (56 px). {@link ChangeCaptioner.Builder#setModelDir} and the
   * {@code geollava caption} command load it like a real checkpoint.
   *
   * @param seed the weight seed
   * @param dir the folder (created if needed)
   * @return {@code dir}
   * @throws IOException if writing fails
   */
  public static Path writeModelDir(long seed, Path dir) throws IOException {
    try (LlavaNextVideoModel m = model(seed)) {
      m.save(dir);
    }
    List<String> specials = new ArrayList<>(SPECIAL_TOKENS);
    Path tok = dir.resolve("tokenizer.json");
    WordLevelTokenizers.write(specials, distinctWords(), tok);
    // Append the media tokens so the folder's tokenizer.json is complete on its own.
    com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(tok.toFile());
    com.fasterxml.jackson.databind.node.ArrayNode added =
        (com.fasterxml.jackson.databind.node.ArrayNode) root.get("added_tokens");
    for (String media : List.of("<video>", "<image>")) {
      com.fasterxml.jackson.databind.node.ObjectNode t = added.addObject();
      t.put("id", media.equals("<video>") ? videoTokenId() : imageTokenId());
      t.put("content", media);
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", true);
    }
    io.github.geollava.core.config.HfConfigs.write(root, tok);
    Path pre = dir.resolve(PreprocessorConfig.IMAGE_FILE);
    io.github.geollava.core.config.HfConfigs.write(JSON.readTree(preprocessor().toJson()), pre);
    return dir;
  }

  private static List<String> distinctWords() {
    return Arrays.asList(new java.util.LinkedHashSet<>(WORDS).toArray(new String[0]));
  }
}
