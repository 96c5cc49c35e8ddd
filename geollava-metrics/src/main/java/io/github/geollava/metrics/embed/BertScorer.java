package io.github.geollava.metrics.embed;

import io.github.geollava.metrics.PythonText;
import io.github.geollava.metrics.Score;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BERTScore as the {@code bert_score} library computes it ({@code greedy_cos_idf}):
 *
 * <ul>
 *   <li>texts are stripped ({@code str.strip()}) and encoded with their special tokens; every token
 *       state is L2-normalised;
 *   <li>the candidate-by-reference cosine matrix includes the special tokens, precision takes each
 *       candidate token's best match and recall each reference token's;
 *   <li>the averages are weighted: special tokens weigh 0, other tokens 1, or with idf
 *       {@code ln((M+1)/(df+1))} where df counts the references (of this call, M of them) that
 *       contain the token id, and ids in no reference weigh {@code ln(M+1)};
 *   <li>{@code F = 2PR/(P+R)} (0 when undefined); an empty candidate or reference (nothing but
 *       special tokens) scores 0; when every weight of a non-empty sentence is 0 (idf with a token in
 *       all references, e.g. a single reference) bert_score's P or R is NaN and so is ours;
 *   <li>optionally rescaled with a baseline: {@code (x - b) / (1 - b)} per P, R and F.
 * </ul>
 *
 * <p>Token weights come from the encoder's special-token mask, which marks exactly the ids bert_score
 * zeroes ([CLS]/[SEP] for BERT, {@code <s>}/{@code </s>} for RoBERTa). Arithmetic is in double
 * precision over the encoder's float32 states, so values agree with bert_score's float32 ones to
 * about 1e-6.
 */
public final class BertScorer {

  /**
   * bert_score's rescale baseline, one value per measure.
   *
   * @param precision the precision baseline
   * @param recall the recall baseline
   * @param fmeasure the F baseline
   */
  public record Baseline(double precision, double recall, double fmeasure) {
    /** Validates that every baseline is finite and below 1. */
    public Baseline {
      for (double v : new double[] {precision, recall, fmeasure}) {
        if (!Double.isFinite(v) || v >= 1) {
          throw new IllegalArgumentException(
              "baseline values must be finite and below 1, got " + precision + ", " + recall + ", "
                  + fmeasure);
        }
      }
    }
  }

  private final TextEncoder encoder;
  private final boolean idf;
  private final Baseline baseline;

  private BertScorer(Builder b) {
    this.encoder = b.encoder;
    this.idf = b.idf;
    this.baseline = b.baseline;
  }

  /** A builder over an encoder (not closed by the scorer). */
  public static Builder builder(TextEncoder encoder) {
    return new Builder(encoder);
  }

  /** Scores aligned candidates against references; idf (if on) comes from these references. */
  public List<Score> score(List<String> candidates, List<String> references) {
    return score(candidates, references, references);
  }

  /**
   * Scores aligned candidates against references with idf weights from {@code idfReferences}, so a
   * long evaluation can be scored in chunks with the idf of the whole reference set.
   */
  public List<Score> score(
      List<String> candidates, List<String> references, List<String> idfReferences) {
    if (candidates.size() != references.size()) {
      throw new IllegalArgumentException(
          "got " + candidates.size() + " candidates but " + references.size() + " references");
    }
    List<String> cands = new ArrayList<>(candidates.size());
    List<String> refs = new ArrayList<>(references.size());
    candidates.forEach(s -> cands.add(PythonText.strip(s)));
    references.forEach(s -> refs.add(PythonText.strip(s)));

    Map<Long, Double> idfDict = new HashMap<>();
    double unseen = 1.0;
    if (idf) {
      Map<Long, Integer> df = new HashMap<>();
      for (String raw : idfReferences) {
        String r = PythonText.strip(raw);
        Set<Long> seen = new HashSet<>();
        for (long id : encoder.tokenIds(r)) {
          seen.add(id);
        }
        for (long id : seen) {
          df.merge(id, 1, Integer::sum);
        }
      }
      int m = idfReferences.size();
      unseen = Math.log((m + 1) / 1.0);
      for (Map.Entry<Long, Integer> e : df.entrySet()) {
        idfDict.put(e.getKey(), Math.log((m + 1) / (double) (e.getValue() + 1)));
      }
    }

    Map<String, Integer> index = new LinkedHashMap<>();
    refs.forEach(s -> index.putIfAbsent(s, index.size()));
    cands.forEach(s -> index.putIfAbsent(s, index.size()));
    List<String> unique = new ArrayList<>(index.keySet());
    List<TokenStates> states = encoder.encode(unique);
    List<double[][]> normalised = new ArrayList<>(states.size());
    for (TokenStates s : states) {
      normalised.add(normalise(s));
    }

    List<Score> out = new ArrayList<>(cands.size());
    for (int i = 0; i < cands.size(); i++) {
      int hi = index.get(cands.get(i));
      int ri = index.get(refs.get(i));
      Score s =
          greedy(
              normalised.get(hi),
              weights(states.get(hi), idfDict, unseen),
              states.get(hi).special(),
              normalised.get(ri),
              weights(states.get(ri), idfDict, unseen),
              states.get(ri).special());
      out.add(baseline == null ? s : rescale(s));
    }
    return out;
  }

  private Score rescale(Score s) {
    return new Score(
        (s.precision() - baseline.precision()) / (1 - baseline.precision()),
        (s.recall() - baseline.recall()) / (1 - baseline.recall()),
        (s.fmeasure() - baseline.fmeasure()) / (1 - baseline.fmeasure()));
  }

  private double[] weights(TokenStates s, Map<Long, Double> idfDict, double unseen) {
    double[] w = new double[s.length()];
    for (int t = 0; t < w.length; t++) {
      if (s.special()[t]) {
        w[t] = 0;
      } else if (idf) {
        w[t] = idfDict.getOrDefault(s.ids()[t], unseen);
      } else {
        w[t] = 1;
      }
    }
    return w;
  }

  private static double[][] normalise(TokenStates s) {
    int c = s.dim();
    double[][] out = new double[s.length()][c];
    float[] h = s.states();
    for (int t = 0; t < s.length(); t++) {
      double norm = 0;
      for (int j = 0; j < c; j++) {
        double v = h[t * c + j];
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < c; j++) {
        out[t][j] = h[t * c + j] / norm;
      }
    }
    return out;
  }

  /** bert_score's greedy matching for one pair of normalised token matrices. */
  static Score greedy(
      double[][] hyp,
      double[] hypW,
      boolean[] hypSpecial,
      double[][] ref,
      double[] refW,
      boolean[] refSpecial) {
    if (onlySpecial(hypSpecial) || onlySpecial(refSpecial)) {
      // bert_score zeroes P and R of sentences that are only [CLS] [SEP]; F is then NaN, filled with 0.
      return Score.ZERO;
    }
    double[] bestHyp = new double[hyp.length];
    double[] bestRef = new double[ref.length];
    java.util.Arrays.fill(bestHyp, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(bestRef, Double.NEGATIVE_INFINITY);
    for (int a = 0; a < hyp.length; a++) {
      double[] x = hyp[a];
      for (int b = 0; b < ref.length; b++) {
        double[] y = ref[b];
        double dot = 0;
        for (int j = 0; j < x.length; j++) {
          dot += x[j] * y[j];
        }
        if (dot > bestHyp[a]) {
          bestHyp[a] = dot;
        }
        if (dot > bestRef[b]) {
          bestRef[b] = dot;
        }
      }
    }
    double p = weighted(bestHyp, hypW);
    double r = weighted(bestRef, refW);
    double f = 2 * p * r / (p + r);
    if (Double.isNaN(f)) { // bert_score: F.masked_fill(isnan(F), 0)
      f = 0;
    }
    return new Score(p, r, f);
  }

  private static boolean onlySpecial(boolean[] special) {
    for (boolean b : special) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /**
   * The weighted mean {@code sum(v * (w / sum(w)))}; NaN when every weight is 0, as in bert_score
   * (with idf and a token in every reference).
   */
  private static double weighted(double[] values, double[] w) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double s = 0;
    for (int i = 0; i < values.length; i++) {
      s += values[i] * (w[i] / total);
    }
    return s;
  }

  /** Builder of {@link BertScorer}. */
  public static final class Builder {
    private final TextEncoder encoder;
    private boolean idf;
    private Baseline baseline;

    private Builder(TextEncoder encoder) {
      this.encoder = java.util.Objects.requireNonNull(encoder, "encoder");
    }

    /** Sets whether tokens are idf-weighted over the references of each call (default false). */
    public Builder optIdf(boolean idf) {
      this.idf = idf;
      return this;
    }

    /** Sets a rescale baseline (default none). */
    public Builder optBaseline(Baseline baseline) {
      this.baseline = baseline;
      return this;
    }

    /** Builds the scorer. */
    public BertScorer build() {
      return new BertScorer(this);
    }
  }
}
