package io.github.geollava.metrics.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.geollava.metrics.Score;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BertScorerTest {

  static OnnxTextEncoder encoder;

  @BeforeAll
  static void load() throws IOException {
    encoder = OnnxTextEncoder.allMiniLmL6V2();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  /** Hand-built unit vectors: 2 real tokens between [CLS] and [SEP]. */
  @Test
  void greedyMatchingWeighsSpecialTokensZero() {
    double[][] hyp = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    boolean[] hypSpecial = {true, false, false, true};
    double[][] ref = {{1, 0, 0}, {0.6, 0.8, 0}, {0, 0, 1}};
    boolean[] refSpecial = {true, false, true};
    Score s =
        BertScorer.greedy(
            hyp, new double[] {0, 1, 1, 0}, hypSpecial, ref, new double[] {0, 1, 0}, refSpecial);
    // precision: token 1 best 1.0 ([CLS] row counts in the matrix), token 2 best 0.8
    assertThat(s.precision()).isCloseTo(0.9, within(1e-12));
    // recall: the single real reference token's best match is 0.8
    assertThat(s.recall()).isCloseTo(0.8, within(1e-12));
    assertThat(s.fmeasure()).isCloseTo(2 * 0.9 * 0.8 / 1.7, within(1e-12));
  }

  @Test
  void identicalTextsScoreOne() {
    BertScorer b = BertScorer.builder(encoder).build();
    Score s = b.score(List.of("A parking lot replaced the field."), List.of("A parking lot replaced the field.")).get(0);
    assertThat(s.precision()).isCloseTo(1.0, within(1e-6));
    assertThat(s.recall()).isCloseTo(1.0, within(1e-6));
    assertThat(s.fmeasure()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void emptyTextsScoreZeroAndParaphrasesBeatUnrelated() {
    BertScorer b = BertScorer.builder(encoder).build();
    List<Score> s =
        b.score(
            List.of("", "Workers built a new road across the woods.", "The stock market fell."),
            List.of("a road", "A new road was constructed through the forest.",
                "A new road was constructed through the forest."));
    assertThat(s.get(0)).isEqualTo(Score.ZERO);
    assertThat(s.get(1).fmeasure()).isGreaterThan(s.get(2).fmeasure());
  }

  @Test
  void idfAndBaselineRescale() {
    List<String> refs = List.of("a new road", "a new house", "the river dried up");
    List<String> cands = List.of("a new road", "a big house", "the lake dried up");
    List<Score> plain = BertScorer.builder(encoder).build().score(cands, refs);
    List<Score> idf = BertScorer.builder(encoder).optIdf(true).build().score(cands, refs);
    assertThat(idf.get(0).fmeasure()).isCloseTo(1.0, within(1e-6));
    assertThat(idf.get(1).fmeasure()).isNotEqualTo(plain.get(1).fmeasure());
    BertScorer.Baseline base = new BertScorer.Baseline(0.5, 0.4, 0.45);
    Score r = BertScorer.builder(encoder).optBaseline(base).build().score(cands, refs).get(2);
    Score p = plain.get(2);
    assertThat(r.precision()).isCloseTo((p.precision() - 0.5) / 0.5, within(1e-12));
    assertThat(r.recall()).isCloseTo((p.recall() - 0.4) / 0.6, within(1e-12));
  }
}
