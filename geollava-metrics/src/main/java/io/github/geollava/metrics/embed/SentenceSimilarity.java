package io.github.geollava.metrics.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence-embedding cosine similarity with sentence-transformers semantics: the sentence embedding
 * is the attention-mask mean of the last hidden states (special tokens included, as
 * sentence-transformers' {@code Pooling(mean)} does), and the score is their cosine.
 *
 * <p>This is what GeoLLaVA's paper reports as "BERT" (its code took the cosine of
 * {@code bert-base-nli-mean-tokens} embeddings); it is not BERTScore, see {@link BertScorer}. With
 * the default encoder the numbers are all-MiniLM-L6-v2 similarities, so they are comparable only
 * with runs that use the same encoder.
 */
public final class SentenceSimilarity {

  private final TextEncoder encoder;

  /** Creates the metric over an encoder (not closed by this class). */
  public SentenceSimilarity(TextEncoder encoder) {
    this.encoder = java.util.Objects.requireNonNull(encoder, "encoder");
  }

  /** Mean-pooled sentence embeddings, one per text, each of length C. */
  public double[][] embed(List<String> texts) {
    List<TokenStates> states = encoder.encode(texts);
    double[][] out = new double[states.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = meanPool(states.get(i));
    }
    return out;
  }

  /** The attention-mask mean of a text's token states (every returned token is unmasked). */
  static double[] meanPool(TokenStates s) {
    int c = s.dim();
    double[] sum = new double[c];
    float[] h = s.states();
    int t = s.length();
    for (int k = 0; k < t; k++) {
      for (int j = 0; j < c; j++) {
        sum[j] += h[k * c + j];
      }
    }
    // sentence-transformers clamps the token count at 1e-9.
    double count = Math.max(t, 1e-9);
    for (int j = 0; j < c; j++) {
      sum[j] /= count;
    }
    return sum;
  }

  /** Cosine similarity, with sentence-transformers' normalisation floor of 1e-12 per vector. */
  public static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / (Math.max(Math.sqrt(na), 1e-12) * Math.max(Math.sqrt(nb), 1e-12));
  }

  /** The similarity of two texts. */
  public double similarity(String a, String b) {
    double[][] e = embed(List.of(a, b));
    return cosine(e[0], e[1]);
  }

  /**
   * Pairwise similarities of aligned candidates and references; each distinct text is encoded once.
   */
  public double[] score(List<String> candidates, List<String> references) {
    if (candidates.size() != references.size()) {
      throw new IllegalArgumentException(
          "got " + candidates.size() + " candidates but " + references.size() + " references");
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String s : candidates) {
      index.putIfAbsent(s, index.size());
    }
    for (String s : references) {
      index.putIfAbsent(s, index.size());
    }
    double[][] emb = embed(new ArrayList<>(index.keySet()));
    double[] out = new double[candidates.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = cosine(emb[index.get(candidates.get(i))], emb[index.get(references.get(i))]);
    }
    return out;
  }
}
