package io.github.geollava.metrics.bleu;

import io.github.geollava.metrics.DenseCounter;
import io.github.geollava.metrics.PythonText;
import io.github.geollava.metrics.TokenIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Sentence BLEU over raw strings: a tokenizer plus {@link Bleu} with fixed weights and smoothing.
 * {@link #geollava()} is GeoLLaVA's setting, {@code sentence_bleu([ref.split()], hyp.split(),
 * weights=(0.5, 0.5), smoothing_function=SmoothingFunction().method1)}. Thread-safe.
 */
public final class BleuScorer {

  /** How raw text becomes tokens. */
  public enum Tokenization {
    /** Python's {@code str.split()}: runs of Unicode whitespace, case kept. */
    WHITESPACE,
    /** sacreBLEU's 13a tokenizer, case kept. */
    THIRTEEN_A
  }

  private static final Tokenizer13a T13A = new Tokenizer13a();

  /** Exact-string token ids shared by all scorers (BLEU compares tokens as they are). */
  private static final TokenIds TOKEN_IDS = new TokenIds(UnaryOperator.identity());

  private final double[] weights;
  private final Smoothing smoothing;
  private final Tokenization tokenization;
  private final boolean lowercase;

  private BleuScorer(Builder b) {
    this.weights = b.weights.clone();
    this.smoothing = b.smoothing;
    this.tokenization = b.tokenization;
    this.lowercase = b.lowercase;
  }

  /** GeoLLaVA's BLEU: whitespace split, weights (0.5, 0.5), smoothing method 1. */
  public static BleuScorer geollava() {
    return builder().build();
  }

  /** A builder with GeoLLaVA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The n-gram weights (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** The smoothing function. */
  public Smoothing smoothing() {
    return smoothing;
  }

  /** Tokenizes one text with this scorer's tokenization. */
  public List<String> tokenize(String text) {
    String t = lowercase ? text.toLowerCase(Locale.ROOT) : text;
    return tokenization == Tokenization.THIRTEEN_A ? T13A.tokenize(t) : PythonText.split(t);
  }

  /** Sentence BLEU of {@code candidate} against one reference. */
  public double score(String reference, String candidate) {
    if (smoothing.method() > 3) {
      // methods 4-7 read the token lists themselves
      return scoreMulti(List.of(reference), candidate);
    }
    DenseCounter dense = DenseCounter.get();
    dense.begin();
    int[] ref = dense.remap(ids(reference));
    int[] hyp = dense.remap(ids(candidate));
    long[] num = new long[weights.length + 1];
    long[] den = new long[weights.length + 1];
    long[][] counts = null;
    for (int i = 1; i <= weights.length; i++) {
      // one reference: the clipped count is the multiset intersection of the n-grams
      int overlap = i <= 2 ? dense.overlap(ref, hyp, i) : -1;
      if (overlap < 0) {
        if (counts == null) {
          counts = Bleu.clippedCounts(List.of(hyp, ref), weights.length);
        }
        num[i] = counts[i - 1][0];
        den[i] = counts[i - 1][1];
      } else {
        num[i] = overlap;
        den[i] = Math.max(1, hyp.length - i + 1);
      }
    }
    // one reference: it is the closest length
    return Bleu.fromCounts(
        num, den, hyp.length, ref.length, weights, smoothing, false, null, null);
  }

  /** Tokens straight to ids (the same split as {@link #tokenize(String)}), without substrings. */
  private int[] ids(String text) {
    String t = lowercase ? text.toLowerCase(Locale.ROOT) : text;
    if (tokenization == Tokenization.THIRTEEN_A) {
      t = T13A.apply(t);
    }
    int n = t.length();
    int[] out = new int[Math.max(4, n / 4)];
    int count = 0;
    char[] chars = t.toCharArray();
    int i = 0;
    while (i < n) {
      while (i < n && PythonText.isPythonWhitespace(chars[i])) {
        i++;
      }
      int start = i;
      while (i < n && !PythonText.isPythonWhitespace(chars[i])) {
        i++;
      }
      if (i > start) {
        if (count == out.length) {
          out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[count++] = TOKEN_IDS.id(chars, start, i - start);
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /** Sentence BLEU of {@code candidate} against several references. */
  public double scoreMulti(List<String> references, String candidate) {
    List<List<String>> refs = new ArrayList<>(references.size());
    for (String r : references) {
      refs.add(tokenize(r));
    }
    return Bleu.sentenceBleu(refs, tokenize(candidate), weights, smoothing, false);
  }

  /** Corpus BLEU over aligned single references and candidates. */
  public double corpus(List<String> references, List<String> candidates) {
    List<List<List<String>>> refs = new ArrayList<>(references.size());
    List<List<String>> hyps = new ArrayList<>(candidates.size());
    for (String r : references) {
      refs.add(List.of(tokenize(r)));
    }
    for (String c : candidates) {
      hyps.add(tokenize(c));
    }
    return Bleu.corpusBleu(refs, hyps, weights, smoothing, false);
  }

  @Override
  public String toString() {
    return "BleuScorer{weights="
        + Arrays.toString(weights)
        + ", smoothing="
        + smoothing
        + ", tokenization="
        + tokenization
        + ", lowercase="
        + lowercase
        + "}";
  }

  /** Builder of {@link BleuScorer}; defaults are GeoLLaVA's. */
  public static final class Builder {
    private double[] weights = {0.5, 0.5};
    private Smoothing smoothing = Smoothing.METHOD1;
    private Tokenization tokenization = Tokenization.WHITESPACE;
    private boolean lowercase;

    private Builder() {}

    /** Sets the n-gram weights, order 1 first (finite, non-negative, at least one). */
    public Builder optWeights(double... weights) {
      if (weights.length == 0) {
        throw new IllegalArgumentException("bleu weights must not be empty");
      }
      for (double w : weights) {
        if (!Double.isFinite(w) || w < 0) {
          throw new IllegalArgumentException(
              "bleu weights must be finite and non-negative, got " + Arrays.toString(weights));
        }
      }
      this.weights = weights.clone();
      return this;
    }

    /** Sets the smoothing function (default method 1). */
    public Builder optSmoothing(Smoothing smoothing) {
      this.smoothing = java.util.Objects.requireNonNull(smoothing, "smoothing");
      return this;
    }

    /** Sets the tokenization (default whitespace). */
    public Builder optTokenization(Tokenization tokenization) {
      this.tokenization = java.util.Objects.requireNonNull(tokenization, "tokenization");
      return this;
    }

    /** Lower-cases both texts before tokenizing (default false, as GeoLLaVA). */
    public Builder optLowercase(boolean lowercase) {
      this.lowercase = lowercase;
      return this;
    }

    /** Builds the scorer. */
    public BleuScorer build() {
      return new BleuScorer(this);
    }
  }
}
