package io.github.geollava.core.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A Hugging Face {@code tokenizer.json} (BPE, WordLevel, ...) run by DJL's bundled native {@code tokenizers}
 * library, so encoding and decoding are byte-for-byte those of {@code PreTrainedTokenizerFast}.
 *
 * <p>LLaVA checkpoints put extra special tokens ({@code <video>}, {@code <image>}) after the base
 * vocabulary. A checkpoint's own {@code tokenizer.json} already lists them; for a base vocabulary that
 * lacks them (such as the plain LLaMA 32,000-token file) {@link Builder#optAddedSpecialToken} adds them
 * with the id the checkpoint expects, and {@link Builder#build()} verifies that the native tokenizer
 * really assigned that id.
 *
 * <p>Thread safety: the native tokenizer is safe for concurrent {@code encode}/{@code decode} calls; this
 * wrapper holds no mutable state. Close it to free the native handle.
 */
public final class TextTokenizer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HuggingFaceTokenizer tokenizer;
  private final String source;

  private TextTokenizer(HuggingFaceTokenizer tokenizer, String source) {
    this.tokenizer = tokenizer;
    this.source = source;
  }

  /**
   * Loads a {@code tokenizer.json} file, or the {@code tokenizer.json} inside a model folder, as it is.
   *
   * @param path the file or the folder holding it
   * @return the tokenizer
   * @throws IOException if the file is missing or not a valid tokenizer
   */
  public static TextTokenizer load(Path path) throws IOException {
    return builder().setTokenizerFile(path).build();
  }

  /**
   * Loads a model folder's tokenizer with the model's {@code <video>} and {@code <image>} tokens added
   * at their config ids when the file lacks them (Hugging Face adds them in the processor).
   *
   * @param path the {@code tokenizer.json} or the folder holding it
   * @param videoTokenId the config's {@code video_token_index}
   * @param imageTokenId the config's {@code image_token_index}
   * @return the tokenizer
   * @throws IOException if the file is missing or not a valid tokenizer
   */
  public static TextTokenizer loadWithMediaTokens(Path path, int videoTokenId, int imageTokenId)
      throws IOException {
    java.util.TreeMap<Integer, String> added = new java.util.TreeMap<>(); // id order, as the library assigns
    added.put(videoTokenId, "<video>");
    added.put(imageTokenId, "<image>");
    Builder b = builder().setTokenizerFile(path);
    added.forEach((id, tok) -> b.optAddedSpecialToken(tok, id));
    return b.build();
  }

  /** Returns a builder; {@link Builder#setTokenizerFile(Path)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Encodes text to token ids.
   *
   * @param text the text, which may contain special tokens such as {@code <video>} verbatim
   * @param addSpecialTokens whether the tokenizer's post-processor adds its tokens (BOS for LLaMA)
   * @return the ids
   */
  public long[] encode(String text, boolean addSpecialTokens) {
    Objects.requireNonNull(text, "text");
    Encoding enc = tokenizer.encode(text, addSpecialTokens, false);
    return enc.getIds();
  }

  /**
   * Decodes ids to text, dropping special tokens ({@code <s>}, {@code </s>}, {@code <video>}, padding).
   *
   * @param ids the ids
   * @return the text
   */
  public String decode(long[] ids) {
    return decode(ids, true);
  }

  /**
   * Decodes ids to text.
   *
   * @param ids the ids
   * @param skipSpecialTokens whether special tokens are dropped
   * @return the text
   */
  public String decode(long[] ids, boolean skipSpecialTokens) {
    Objects.requireNonNull(ids, "ids");
    if (ids.length == 0) {
      return "";
    }
    return tokenizer.decode(ids, skipSpecialTokens);
  }

  /**
   * The id of a token that the tokenizer keeps whole (a special or added token, or a single vocabulary
   * entry), found by encoding it without special tokens.
   *
   * @param token the token text, e.g. {@code "</s>"}
   * @return its id, or empty when the text does not encode to exactly one token with that text
   */
  public OptionalLong tokenId(String token) {
    Encoding enc = tokenizer.encode(token, false, false);
    long[] ids = enc.getIds();
    String[] toks = enc.getTokens();
    if (ids.length == 1 && (token.equals(toks[0]) || toks[0].endsWith(token))) {
      return OptionalLong.of(ids[0]);
    }
    return OptionalLong.empty();
  }

  /**
   * The id of a token that must exist.
   *
   * @param token the token text
   * @return its id
   * @throws IllegalArgumentException if the tokenizer does not keep it whole
   */
  public long requireTokenId(String token) {
    return tokenId(token)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "tokenizer " + source + " has no single token '" + token + "'"));
  }

  /** Where the tokenizer came from (a path), for messages. */
  public String source() {
    return source;
  }

  /** The underlying DJL tokenizer, for callers that need its full API. */
  public HuggingFaceTokenizer delegate() {
    return tokenizer;
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  /** Builder of {@link TextTokenizer}. */
  public static final class Builder {
    private Path file;
    private final Map<String, Long> added = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the {@code tokenizer.json} file, or a model folder holding one (required).
     *
     * @param path the file or folder
     * @return this builder
     */
    public Builder setTokenizerFile(Path path) {
      this.file = Objects.requireNonNull(path, "path");
      return this;
    }

    /**
     * Adds a special token that the file lacks, with the id the checkpoint expects. The native library
     * gives added tokens consecutive ids after the existing vocabulary, so tokens must be added in id
     * order without gaps; {@link #build()} checks the ids it got. A token the file already has is
     * checked against the expected id instead.
     *
     * @param token the token text, e.g. {@code "<video>"}
     * @param id the expected id, e.g. 32000
     * @return this builder
     */
    public Builder optAddedSpecialToken(String token, long id) {
      Objects.requireNonNull(token, "token");
      if (token.isEmpty()) {
        throw new IllegalArgumentException("added special token must not be empty");
      }
      if (id < 0) {
        throw new IllegalArgumentException("added special token id must be >= 0, got " + id);
      }
      added.put(token, id);
      return this;
    }

    /**
     * Loads the tokenizer, adds the requested special tokens and verifies their ids.
     *
     * @return the tokenizer
     * @throws IOException if the file is missing, unreadable or not a tokenizer, or an added token did
     *     not get the requested id
     */
    public TextTokenizer build() throws IOException {
      if (file == null) {
        throw new IllegalStateException("setTokenizerFile(...) is required");
      }
      Path json = Files.isDirectory(file) ? file.resolve("tokenizer.json") : file;
      if (!Files.isRegularFile(json)) {
        throw new java.nio.file.NoSuchFileException(json.toString(), null, "no tokenizer.json");
      }
      JsonNode root;
      try {
        root = JSON.readTree(json.toFile());
      } catch (IOException e) {
        throw new IOException("tokenizer file " + json + " is not valid JSON: " + e.getMessage(), e);
      }
      if (!(root instanceof ObjectNode) || !root.has("model")) {
        throw new IOException("tokenizer file " + json + " has no \"model\" section");
      }
      ObjectNode obj = (ObjectNode) root;
      ArrayNode addedTokens =
          obj.has("added_tokens") && obj.get("added_tokens").isArray()
              ? (ArrayNode) obj.get("added_tokens")
              : obj.putArray("added_tokens");
      for (Map.Entry<String, Long> e : added.entrySet()) {
        if (!contains(addedTokens, e.getKey())) {
          ObjectNode t = addedTokens.addObject();
          t.put("id", e.getValue());
          t.put("content", e.getKey());
          t.put("single_word", false);
          t.put("lstrip", false);
          t.put("rstrip", false);
          t.put("normalized", false);
          t.put("special", true);
        }
      }
      HuggingFaceTokenizer hf;
      try {
        byte[] bytes = JSON.writeValueAsBytes(obj);
        hf =
            HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(bytes),
                // DJL truncates to 512 tokens unless told not to; video prompts are longer.
                Map.of(
                    "addSpecialTokens", "true",
                    "truncation", "false",
                    "padding", "false",
                    "modelMaxLength", String.valueOf(Integer.MAX_VALUE)));
      } catch (RuntimeException e) {
        // The native library reports a malformed file as a RuntimeException with its parser message.
        throw new IOException("tokenizer file " + json + " rejected: " + e.getMessage(), e);
      }
      TextTokenizer tok = new TextTokenizer(hf, json.toString());
      for (Map.Entry<String, Long> e : added.entrySet()) {
        OptionalLong got = tok.tokenId(e.getKey());
        if (got.isEmpty() || got.getAsLong() != e.getValue()) {
          tok.close();
          throw new IOException(
              "tokenizer file "
                  + json
                  + ": special token '"
                  + e.getKey()
                  + "' expected id "
                  + e.getValue()
                  + " but got "
                  + (got.isEmpty() ? "none" : got.getAsLong())
                  + "; add tokens in id order right after the vocabulary");
        }
      }
      return tok;
    }

    private static boolean contains(ArrayNode tokens, String content) {
      for (JsonNode t : tokens) {
        if (content.equals(t.path("content").asText(null))) {
          return true;
        }
      }
      return false;
    }
  }
}
