package io.github.geollava.metrics.embed;

import java.util.List;

/**
 * A text encoder: tokenizer plus transformer, texts in, per-token hidden states out. Embedding
 * metrics ({@link SentenceSimilarity}, {@link BertScorer}) only need this interface, so any model can
 * be plugged in; {@link OnnxTextEncoder} runs Hugging Face ONNX exports through DJL's ONNX Runtime
 * engine.
 *
 * <p>Implementations must return, for each text, the states of all its tokens including special
 * ones, computed with an attention mask so that batching does not change them beyond float noise.
 */
public interface TextEncoder extends AutoCloseable {

  /** C, the hidden size of the returned states. */
  int dimension();

  /** Encodes the texts (any number, batched internally), in input order. */
  List<TokenStates> encode(List<String> texts);

  /** The token ids the tokenizer gives this text, special tokens included (for idf weights). */
  long[] tokenIds(String text);

  /** Which ids of {@link #tokenIds(String)} are special tokens, aligned with it. */
  boolean[] specialTokenMask(String text);

  /** Releases native resources. */
  @Override
  void close();
}
