package io.github.geollava.metrics.protocol;

import io.github.geollava.metrics.BootstrapAggregator;
import io.github.geollava.metrics.PythonText;
import io.github.geollava.metrics.Score;
import io.github.geollava.metrics.bleu.BleuScorer;
import io.github.geollava.metrics.cider.CiderD;
import io.github.geollava.metrics.embed.BertScorer;
import io.github.geollava.metrics.embed.SentenceSimilarity;
import io.github.geollava.metrics.embed.TextEncoder;
import io.github.geollava.metrics.rouge.RougeScorer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The GeoLLaVA evaluation protocol: the candidate keeps only the text after its first
 * {@code Answer:} (when present, stripped), every sample is scored on its own (ROUGE with stemming
 * and GeoLLaVA BLEU by default), and the report holds per-sample scores, their macro means and
 * bootstrap confidence intervals.
 *
 * <p>Lexical metrics run on all cores (the scorers are thread-safe); embedding metrics run in
 * chunks through the encoder's batches. CIDEr-D's document frequencies come from all references of
 * the evaluation, as pycocoevalcap's, and BERTScore's idf likewise.
 */
public final class GeollavaEvaluator {

  /** The marker after which GeoLLaVA's generated text holds the answer. */
  public static final String ANSWER_MARKER = "Answer:";

  /** Texts per chunk for embedding metrics, so progress advances on long inputs. */
  private static final int EMBED_CHUNK = 256;

  /**
   * One sample.
   *
   * @param id the sample id
   * @param reference the reference caption
   * @param candidate the generated caption (possibly with a prompt before {@code Answer:})
   */
  public record Sample(String id, String reference, String candidate) {
    /** Rejects nulls, naming the field. */
    public Sample {
      if (id == null || reference == null || candidate == null) {
        throw new IllegalArgumentException(
            "sample fields must not be null: id=" + id + " reference=" + reference + " candidate="
                + candidate);
      }
    }
  }

  private final Set<Metric> metrics;
  private final RougeScorer rouge;
  private final BleuScorer bleu;
  private final CiderD cider;
  private final TextEncoder encoder;
  private final boolean idf;
  private final BertScorer.Baseline baseline;
  private final boolean extractAnswer;
  private final BootstrapAggregator bootstrap;

  private GeollavaEvaluator(Builder b) {
    this.metrics = EnumSet.copyOf(b.metrics);
    this.rouge = RougeScorer.builder().optStemming(b.stemming).build();
    this.bleu = b.bleu;
    this.cider = b.cider;
    this.encoder = b.encoder;
    this.idf = b.idf;
    this.baseline = b.baseline;
    this.extractAnswer = b.extractAnswer;
    this.bootstrap = b.bootstrap;
  }

  /** A builder: ROUGE and BLEU, stemming on, GeoLLaVA BLEU, answer extraction on. */
  public static Builder builder() {
    return new Builder();
  }

  /** The text after the first {@code Answer:}, stripped; the whole text when there is none. */
  public static String extractAnswer(String generated) {
    int i = generated.indexOf(ANSWER_MARKER);
    return i < 0 ? generated : PythonText.strip(generated.substring(i + ANSWER_MARKER.length()));
  }

  /** Scores the samples without progress reports. */
  public EvaluationReport evaluate(List<Sample> samples) {
    return evaluate(samples, ProgressListener.NONE);
  }

  /** Scores the samples, reporting progress stage by stage. */
  public EvaluationReport evaluate(List<Sample> samples, ProgressListener progress) {
    int n = samples.size();
    List<String> refs = new ArrayList<>(n);
    List<String> cands = new ArrayList<>(n);
    for (Sample s : samples) {
      refs.add(s.reference());
      cands.add(extractAnswer ? extractAnswer(s.candidate()) : s.candidate());
    }
    List<LinkedHashMap<String, Score>> prf = new ArrayList<>(n);
    List<LinkedHashMap<String, Double>> scalars = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      prf.add(new LinkedHashMap<>());
      scalars.add(new LinkedHashMap<>());
    }
    if (metrics.contains(Metric.ROUGE) || metrics.contains(Metric.BLEU)) {
      progress.stage("rouge/bleu", n);
      Map<String, Score>[] r = newArray(n);
      double[] b = new double[n];
      IntStream.range(0, n)
          .parallel()
          .forEach(
              i -> {
                if (metrics.contains(Metric.ROUGE)) {
                  r[i] = rouge.score(refs.get(i), cands.get(i));
                }
                if (metrics.contains(Metric.BLEU)) {
                  b[i] = bleu.score(refs.get(i), cands.get(i));
                }
                progress.step(1);
              });
      for (int i = 0; i < n; i++) {
        if (r[i] != null) {
          prf.get(i).putAll(r[i]);
        }
        if (metrics.contains(Metric.BLEU)) {
          scalars.get(i).put("bleu", b[i]);
        }
      }
    }
    if (metrics.contains(Metric.CIDER) && n > 0) {
      progress.stage("cider", 1);
      List<List<String>> refSets = new ArrayList<>(n);
      refs.forEach(r -> refSets.add(List.of(r)));
      double[] c = cider.score(cands, refSets).perItem();
      for (int i = 0; i < n; i++) {
        scalars.get(i).put("cider", c[i]);
      }
      progress.step(1);
    }
    if (metrics.contains(Metric.SIMILARITY)) {
      progress.stage("similarity", n);
      SentenceSimilarity sim = new SentenceSimilarity(requireEncoder());
      for (int from = 0; from < n; from += EMBED_CHUNK) {
        int to = Math.min(n, from + EMBED_CHUNK);
        double[] s = sim.score(cands.subList(from, to), refs.subList(from, to));
        for (int i = from; i < to; i++) {
          scalars.get(i).put("similarity", s[i - from]);
        }
        progress.step(to - from);
      }
    }
    if (metrics.contains(Metric.BERTSCORE)) {
      progress.stage("bertscore", n);
      BertScorer bs =
          BertScorer.builder(requireEncoder()).optIdf(idf).optBaseline(baseline).build();
      for (int from = 0; from < n; from += EMBED_CHUNK) {
        int to = Math.min(n, from + EMBED_CHUNK);
        List<Score> s = bs.score(cands.subList(from, to), refs.subList(from, to), refs);
        for (int i = from; i < to; i++) {
          prf.get(i).put("bertscore", s.get(i - from));
        }
        progress.step(to - from);
      }
    }
    List<SampleScores> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new SampleScores(samples.get(i).id(), prf.get(i), scalars.get(i)));
    }
    return EvaluationReport.of(out, bootstrap);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Score>[] newArray(int n) {
    return (Map<String, Score>[]) new Map<?, ?>[n];
  }

  private TextEncoder requireEncoder() {
    if (encoder == null) {
      throw new IllegalStateException("similarity and bertscore need a TextEncoder: call optEncoder");
    }
    return encoder;
  }

  /** Builder of {@link GeollavaEvaluator}. */
  public static final class Builder {
    private Set<Metric> metrics = EnumSet.of(Metric.ROUGE, Metric.BLEU);
    private boolean stemming = true;
    private BleuScorer bleu = BleuScorer.geollava();
    private CiderD cider = CiderD.defaults();
    private TextEncoder encoder;
    private boolean idf;
    private BertScorer.Baseline baseline;
    private boolean extractAnswer = true;
    private BootstrapAggregator bootstrap = BootstrapAggregator.defaults();

    private Builder() {}

    /** Sets the metrics (default ROUGE and BLEU). */
    public Builder optMetrics(Set<Metric> metrics) {
      if (metrics.isEmpty()) {
        throw new IllegalArgumentException("metrics must not be empty");
      }
      this.metrics = EnumSet.copyOf(metrics);
      return this;
    }

    /** Sets ROUGE stemming (default on). */
    public Builder optStemming(boolean stemming) {
      this.stemming = stemming;
      return this;
    }

    /** Sets the BLEU scorer (default GeoLLaVA's). */
    public Builder optBleu(BleuScorer bleu) {
      this.bleu = java.util.Objects.requireNonNull(bleu, "bleu");
      return this;
    }

    /** Sets the CIDEr-D scorer (default n 4, sigma 6). */
    public Builder optCider(CiderD cider) {
      this.cider = java.util.Objects.requireNonNull(cider, "cider");
      return this;
    }

    /** Sets the text encoder for similarity and BERTScore (not closed by the evaluator). */
    public Builder optEncoder(TextEncoder encoder) {
      this.encoder = encoder;
      return this;
    }

    /** Sets BERTScore idf weighting (default off). */
    public Builder optIdf(boolean idf) {
      this.idf = idf;
      return this;
    }

    /** Sets a BERTScore rescale baseline (default none). */
    public Builder optBertScoreBaseline(BertScorer.Baseline baseline) {
      this.baseline = baseline;
      return this;
    }

    /** Sets whether candidates are cut after the first {@code Answer:} (default on). */
    public Builder optExtractAnswer(boolean extractAnswer) {
      this.extractAnswer = extractAnswer;
      return this;
    }

    /** Sets the bootstrap for confidence intervals (default 95 %, 1000 resamples, seed 42). */
    public Builder optBootstrap(BootstrapAggregator bootstrap) {
      this.bootstrap = java.util.Objects.requireNonNull(bootstrap, "bootstrap");
      return this;
    }

    /** Builds the evaluator; similarity and BERTScore require an encoder. */
    public GeollavaEvaluator build() {
      for (Metric m : metrics) {
        if (m.needsEncoder() && encoder == null) {
          throw new IllegalArgumentException(
              "metric '" + m.key() + "' needs a text encoder: call optEncoder");
        }
      }
      return new GeollavaEvaluator(this);
    }
  }
}
