package io.github.geollava.metrics.rouge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.geollava.metrics.Score;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RougeScorerTest {

  private static final double EPS = 1e-15;

  private final RougeScorer scorer = RougeScorer.builder().build();

  /** The example in rouge-score's README; the counts are derived by hand in the comments. */
  @Test
  void readmeExample() {
    Map<String, Score> s =
        scorer.score(
            "The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log.");
    // unigrams: the x2, quick, brown, dog, jumps = 6 of 8 predicted, of 9 target tokens
    assertThat(s.get("rouge1").precision()).isEqualTo(0.75);
    assertThat(s.get("rouge1").recall()).isCloseTo(6.0 / 9, within(EPS));
    assertThat(s.get("rouge1").fmeasure()).isCloseTo(0.7058823529411765, within(EPS));
    // bigrams: "the quick", "quick brown" = 2 of 7 predicted, of 8 target bigrams
    assertThat(s.get("rouge2")).isEqualTo(Score.of(2.0 / 7, 2.0 / 8));
    // LCS: the quick brown jumps the = 5
    assertThat(s.get("rougeL").precision()).isEqualTo(0.625);
    assertThat(s.get("rougeL").recall()).isCloseTo(5.0 / 9, within(EPS));
    assertThat(s.get("rougeL").fmeasure()).isCloseTo(0.5882352941176471, within(EPS));
    // one line each: Lsum equals L
    assertThat(s.get("rougeLsum")).isEqualTo(s.get("rougeL"));
  }

  /** The union-LCS example of Lin (2004), section 3.2: union of w1 w2 and w1 w3 w5 gives 4 hits. */
  @Test
  void summaryLevelUnionLcs() {
    Map<String, Score> s =
        scorer.score("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
    assertThat(s.get("rougeLsum")).isEqualTo(Score.of(4.0 / 10, 4.0 / 5));
  }

  @Test
  void summaryLevelGuardsAgainstDoubleCounting() {
    // The second target line matches again, but the prediction has each token only once.
    Map<String, Score> s = scorer.score("w1 w2\nw1 w2", "w1 w2");
    assertThat(s.get("rougeLsum")).isEqualTo(Score.of(1.0, 0.5));
  }

  @Test
  void stemmingMakesInflectionsMatch() {
    Map<String, Score> stemmed = scorer.score("new buildings appeared", "a new building appears");
    Map<String, Score> plain =
        RougeScorer.builder().optStemming(false).build()
            .score("new buildings appeared", "a new building appears");
    assertThat(stemmed.get("rouge1")).isEqualTo(Score.of(3.0 / 4, 3.0 / 3));
    assertThat(plain.get("rouge1")).isEqualTo(Score.of(1.0 / 4, 1.0 / 3));
  }

  @Test
  void ngramCountsAreClipped() {
    Map<String, Score> s = scorer.score("the cat", "the the the");
    assertThat(s.get("rouge1")).isEqualTo(Score.of(1.0 / 3, 1.0 / 2));
  }

  @Test
  void higherOrderNgramsAreExact() {
    RougeScorer r3 = RougeScorer.builder().optTypes(List.of("rouge3", "rouge4")).build();
    Map<String, Score> s = r3.score("a1 b1 c1 d1 a1 b1 c1", "a1 b1 c1 d1 x1 b1 c1");
    // trigrams: target a1b1c1 x2, b1c1d1, c1d1a1, d1a1b1; prediction a1b1c1, b1c1d1, c1d1x1,
    // d1x1b1, x1b1c1: overlap 2 of 5 and 5
    assertThat(s.get("rouge3")).isEqualTo(Score.of(2.0 / 5, 2.0 / 5));
    assertThat(s.get("rouge4")).isEqualTo(Score.of(1.0 / 4, 1.0 / 4));
  }

  @Test
  void multiReferenceKeepsBestFmeasurePerType() {
    Map<String, Score> s =
        scorer.scoreMulti(
            List.of("completely different words", "The quick brown fox jumps over the lazy dog"),
            "The quick brown dog jumps on the log.");
    assertThat(s.get("rouge1").precision()).isEqualTo(0.75);
  }

  @Test
  void badTextsGiveDefinedValues() {
    assertThat(scorer.score("", "something").values()).containsOnly(Score.ZERO);
    assertThat(scorer.score("?!...", "--").values()).containsOnly(Score.ZERO);
    StringBuilder longText = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      longText.append("word").append(i % 97).append(' ');
    }
    Map<String, Score> s = scorer.score(longText.toString(), longText.toString());
    assertThat(s.get("rougeL")).isEqualTo(Score.of(1.0, 1.0));
    assertThat(scorer.score("東京 👍", "東京 👍").values()).containsOnly(Score.ZERO);
  }

  @Test
  void rejectsUnknownTypes() {
    assertThatThrownBy(() -> RougeScorer.builder().optTypes(List.of("rougeX")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rougeX");
  }
}
