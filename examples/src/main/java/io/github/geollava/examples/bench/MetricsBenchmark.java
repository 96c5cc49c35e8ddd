package io.github.geollava.examples.bench;

import io.github.geollava.metrics.bleu.BleuScorer;
import io.github.geollava.metrics.embed.OnnxTextEncoder;
import io.github.geollava.metrics.embed.SentenceSimilarity;
import io.github.geollava.metrics.rouge.RougeScorer;
import io.github.geollava.metrics.Score;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lexical metrics at GeoLLaVA's test-set size: ROUGE-1/2/L with stemming plus GeoLLaVA BLEU
 * (whitespace, weights 0.5/0.5, method 1) on 6,042 deterministic pseudo-caption pairs of about 150
 * words, scored on all cores ({@code lexical}) and on one ({@code lexicalOneThread}); scores are
 * pairs/s. The Python reference (rouge-score + NLTK) does 584 pairs/s on this machine class.
 * {@code embedSimilarity} gives sentences/s of the default all-MiniLM-L6-v2 encoder on 64 captions of
 * about 40 words (mean-pooled embeddings, what the similarity metric costs).
 *
 * <p>Captions mix remote-sensing words with inflections ({@code buildings}, {@code constructed},
 * ...) so the Porter stemmer is exercised; the reference and candidate of a pair share about 70 % of
 * their words in order.
 *
 * <p>{@code java -cp ... org.openjdk.jmh.Main MetricsBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class MetricsBenchmark {

  /** GeoLLaVA's test-set size. */
  public static final int PAIRS = 6042;

  /** Captions per embedding invocation. */
  public static final int SENTENCES = 64;

  private static final String[] WORDS = {
    "building", "buildings", "road", "roads", "constructed", "construction", "new", "area",
    "field", "fields", "parking", "lot", "residential", "industrial", "changes", "changed",
    "appeared", "appears", "demolished", "expanding", "expanded", "vegetation", "green", "river",
    "bridge", "houses", "house", "structures", "structure", "large", "small", "several", "the",
    "a", "of", "in", "and", "to", "was", "were", "has", "have", "been", "near", "north", "south",
    "east", "west", "image", "first", "second", "between", "images", "development", "developed",
    "farmland", "cultivated", "crops", "airport", "runway", "solar", "panels", "installed",
    "stadium", "school", "hospital", "warehouse", "factory", "factories", "clearing", "trees",
    "forest", "water", "lake", "dried", "flooded", "urbanization", "significant", "visible",
    "increase", "decrease", "density", "paved", "unpaved", "track", "tracks", "complex",
    "additional", "surrounding", "located", "center", "corner", "while", "remains", "unchanged"
  };

  private List<String> references;
  private List<String> candidates;
  private List<String> captions;
  private RougeScorer rouge;
  private BleuScorer bleu;
  private OnnxTextEncoder encoder;
  private SentenceSimilarity similarity;

  /** Generates the pairs and loads the encoder. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom rng = new SplittableRandom(2024);
    references = new ArrayList<>(PAIRS);
    candidates = new ArrayList<>(PAIRS);
    for (int i = 0; i < PAIRS; i++) {
      int len = 130 + rng.nextInt(41);
      StringBuilder ref = new StringBuilder();
      StringBuilder cand = new StringBuilder();
      for (int w = 0; w < len; w++) {
        String word = WORDS[rng.nextInt(WORDS.length)];
        ref.append(word).append(w % 17 == 16 ? ". " : " ");
        double u = rng.nextDouble();
        if (u < 0.7) {
          cand.append(word).append(' ');
        } else if (u < 0.9) {
          cand.append(WORDS[rng.nextInt(WORDS.length)]).append(' ');
        }
      }
      references.add(ref.toString().strip());
      candidates.add(cand.toString().strip());
    }
    captions = new ArrayList<>(SENTENCES);
    for (int i = 0; i < SENTENCES; i++) {
      String c = references.get(i);
      captions.add(String.join(" ", List.of(c.split(" ")).subList(0, 40)));
    }
    rouge = RougeScorer.builder().optTypes(List.of("rouge1", "rouge2", "rougeL")).build();
    bleu = BleuScorer.geollava();
    encoder = OnnxTextEncoder.allMiniLmL6V2();
    similarity = new SentenceSimilarity(encoder);
  }

  /** Releases the encoder. */
  @TearDown(Level.Trial)
  public void tearDown() {
    encoder.close();
  }

  private double scorePair(int i) {
    Map<String, Score> r = rouge.score(references.get(i), candidates.get(i));
    return r.get("rouge1").fmeasure()
        + r.get("rouge2").fmeasure()
        + r.get("rougeL").fmeasure()
        + bleu.score(references.get(i), candidates.get(i));
  }

  /** All pairs on all cores (a parallel stream). */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double lexical() {
    return IntStream.range(0, PAIRS).parallel().mapToDouble(this::scorePair).sum();
  }

  /** All pairs on one core. */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double lexicalOneThread() {
    double s = 0;
    for (int i = 0; i < PAIRS; i++) {
      s += scorePair(i);
    }
    return s;
  }

  /** Sentence embeddings of 64 captions of 40 words. */
  @Benchmark
  @OperationsPerInvocation(SENTENCES)
  public double[][] embedSimilarity() {
    return similarity.embed(captions);
  }
}
