package io.github.geollava.core.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes small word-level {@code tokenizer.json} files in code: lower-casing, whitespace and punctuation
 * split, a fixed vocabulary, {@code <s>} added in front like LLaMA's post-processor. For tiny test and
 * demo models whose vocabulary is a few hundred words rather than LLaMA's 32,000 sub-words.
 *
 * <p>Ids: the special tokens first, in the order given, then the words in the order given (duplicates
 * dropped). The file is an ordinary Hugging Face tokenizer, run by the same native library as the
 * checkpoint's own.
 *
 * <p>Two styles: {@link Style#LOWERCASE_WORDS} (the default: lower-cased, punctuation split off) and
 * {@link Style#CASED_WHITESPACE} (text split on whitespace only, case and punctuation kept inside the
 * tokens, decoded by joining with spaces), which reproduces captions exactly apart from line breaks: a
 * domain tokenizer for the demo, where BLEU compares the raw words.
 */
public final class WordLevelTokenizers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WordLevelTokenizers() {}

  /** How text is split into words. */
  public enum Style {
    /** Lower-cased; words and punctuation marks are separate tokens. */
    LOWERCASE_WORDS,
    /** Split on whitespace only; case and attached punctuation are kept ({@code "airport,"}). */
    CASED_WHITESPACE
  }

  /**
   * Splits text into the words of a vocabulary of the given style, e.g. to build one from a corpus.
   *
   * @param style the style
   * @param text the text
   * @return the words, in order
   */
  public static List<String> words(Style style, String text) {
    List<String> out = new java.util.ArrayList<>();
    if (style == Style.CASED_WHITESPACE) {
      for (String w : text.split("\\s+")) {
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
    } else {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\w+|[^\\w\\s]+")
          .matcher(text.toLowerCase(Locale.ROOT));
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }

  /**
   * The {@code tokenizer.json} text.
   *
   * @param specialTokens special tokens, e.g. {@code <unk>, <s>, </s>, <video>}; must include
   *     {@code <unk>} and {@code <s>}
   * @param words the word vocabulary, lower-case, without spaces
   * @return the JSON text
   */
  public static String json(List<String> specialTokens, List<String> words) {
    return json(specialTokens, words, Style.LOWERCASE_WORDS);
  }

  /**
   * The {@code tokenizer.json} text of a style.
   *
   * @param specialTokens special tokens; must include {@code <unk>} and {@code <s>}
   * @param words the word vocabulary without whitespace (lower-case for {@link Style#LOWERCASE_WORDS})
   * @param style the style
   * @return the JSON text
   */
  public static String json(List<String> specialTokens, List<String> words, Style style) {
    boolean cased = style == Style.CASED_WHITESPACE;
    if (!specialTokens.contains("<unk>") || !specialTokens.contains("<s>")) {
      throw new IllegalArgumentException(
          "specialTokens must include <unk> and <s>, got " + specialTokens);
    }
    Set<String> vocab = new LinkedHashSet<>(specialTokens);
    for (String w : words) {
      if (w.isEmpty() || w.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("word must be non-empty without whitespace, got '" + w + "'");
      }
      if (!cased && !w.equals(w.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("word must be lower-case (the tokenizer lower-cases), got " + w);
      }
      vocab.add(w);
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    int id = 0;
    for (String s : specialTokens) {
      ObjectNode t = added.addObject();
      t.put("id", id++);
      t.put("content", s);
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", true);
    }
    if (cased) {
      root.putNull("normalizer");
      root.putObject("pre_tokenizer").put("type", "WhitespaceSplit");
    } else {
      root.putObject("normalizer").put("type", "Lowercase");
      root.putObject("pre_tokenizer").put("type", "Whitespace");
    }
    ObjectNode post = root.putObject("post_processor");
    post.put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    single.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
    single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    ArrayNode pair = post.putArray("pair");
    pair.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
    ObjectNode bos = post.putObject("special_tokens").putObject("<s>");
    bos.put("id", "<s>");
    bos.putArray("ids").add(specialTokens.indexOf("<s>"));
    bos.putArray("tokens").add("<s>");
    if (cased) {
      root.putNull("decoder"); // no decoder: tokens are joined with single spaces
    } else {
      root.putObject("decoder").put("type", "WordPiece").put("prefix", "##").put("cleanup", true);
    }
    ObjectNode model = root.putObject("model");
    model.put("type", "WordLevel");
    ObjectNode v = model.putObject("vocab");
    int i = 0;
    for (String w : vocab) {
      v.put(w, i++);
    }
    model.put("unk_token", "<unk>");
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the {@code tokenizer.json} to a temporary file, loads it and deletes the file.
   *
   * @param specialTokens the special tokens (ids 0..n-1)
   * @param words the words (ids n..)
   * @return the tokenizer
   * @throws IOException if the temporary file cannot be written
   */
  public static TextTokenizer create(List<String> specialTokens, List<String> words)
      throws IOException {
    Path tmp = Files.createTempFile("geollava-wordlevel-", ".json");
    try {
      Files.writeString(tmp, json(specialTokens, words));
      return TextTokenizer.load(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes the {@code tokenizer.json} into a model folder, atomically.
   *
   * @param specialTokens the special tokens
   * @param words the words
   * @param file the target, usually {@code <model dir>/tokenizer.json}
   * @throws IOException if writing fails
   */
  public static void write(List<String> specialTokens, List<String> words, Path file)
      throws IOException {
    write(specialTokens, words, Style.LOWERCASE_WORDS, file);
  }

  /**
   * Writes the {@code tokenizer.json} of a style into a model folder, atomically.
   *
   * @param specialTokens the special tokens
   * @param words the words
   * @param style the style
   * @param file the target
   * @throws IOException if writing fails
   */
  public static void write(List<String> specialTokens, List<String> words, Style style, Path file)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, json(specialTokens, words, style));
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
