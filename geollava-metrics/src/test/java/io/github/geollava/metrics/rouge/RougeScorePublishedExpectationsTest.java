package io.github.geollava.metrics.rouge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.geollava.metrics.Score;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The expectations that Google's rouge-score publishes in its own unit tests
 * ({@code google-research/google-research}, {@code rouge/rouge_scorer_test.py}) for inputs that need no
 * test-data files: rouge-N and rouge-L on short token strings, the summary-level union-LCS example, and
 * the empty and all-punctuation edge cases. The test files' ROUGE-1.5.5 comparisons need that repository's
 * test data, which is not redistributed here.
 */
class RougeScorePublishedExpectationsTest {

  /** rouge-score compares with {@code assertAlmostEqual}: 7 places unless it says otherwise. */
  private static final double PLACES_7 = 5e-8;

  private static Score score(String type, String target, String prediction) {
    // rouge-score's default: no stemming.
    return RougeScorer.builder().optTypes(List.of(type)).optStemming(false).build()
        .score(target, prediction).get(type);
  }

  private static void assertScore(Score s, double p, double r, double f, double tolerance) {
    assertThat(s.precision()).isCloseTo(p, within(tolerance));
    assertThat(s.recall()).isCloseTo(r, within(tolerance));
    assertThat(s.fmeasure()).isCloseTo(f, within(tolerance));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rougen", "rouge0", "rouge10"})
  void invalidTypesAreRejected(String type) {
    assertThatThrownBy(() -> RougeScorer.builder().optTypes(List.of(type)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rouge1", "rouge9", "rougeL", "rougeLsum"})
  void validTypesGiveExactlyThatKey(String type) {
    Map<String, Score> s =
        RougeScorer.builder().optTypes(List.of(type)).build().score("testing one two", "testing");
    assertThat(s).containsOnlyKeys(type);
  }

  @Test
  void rouge1() {
    assertScore(score("rouge1", "testing one two", "testing"), 1, 1.0 / 3, 1.0 / 2, PLACES_7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rouge1", "rouge2", "rougeL", "rougeLsum"})
  void emptyPredictionScoresZero(String type) {
    assertScore(score(type, "testing one two", ""), 0, 0, 0, PLACES_7);
  }

  @Test
  void rouge2() {
    assertScore(score("rouge2", "testing one two", "testing one"), 1, 1.0 / 2, 2.0 / 3, PLACES_7);
  }

  @Test
  void rougeLConsecutiveAndNonConsecutive() {
    assertScore(score("rougeL", "testing one two", "testing one"), 1, 2.0 / 3, 4.0 / 5, PLACES_7);
    assertScore(score("rougeL", "testing one two", "testing two"), 1, 2.0 / 3, 4.0 / 5, PLACES_7);
  }

  @Test
  void multipleTypesAtOnce() {
    Map<String, Score> s =
        RougeScorer.builder().optTypes(List.of("rouge1", "rougeL")).build()
            .score("testing one two", "testing one");
    assertThat(s).containsOnlyKeys("rouge1", "rougeL");
    assertScore(s.get("rouge1"), 1, 2.0 / 3, 4.0 / 5, PLACES_7);
    assertScore(s.get("rougeL"), 1, 2.0 / 3, 4.0 / 5, PLACES_7);
  }

  @Test
  void rougeLsumUnionLcsAndEdgeCases() {
    Score s = score("rougeLsum", "w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
    assertThat(s.recall()).isCloseTo(0.8, within(PLACES_7));
    assertThat(s.precision()).isCloseTo(0.4, within(PLACES_7));
    assertThat(s.fmeasure()).isCloseTo(0.5333, within(5e-4)); // published to 3 places
    assertScore(score("rougeLsum", "w1 w2 w3 w4 w5", ""), 0, 0, 0, 5e-4);
    assertScore(score("rougeLsum", "", "w1"), 0, 0, 0, 5e-4);
    // a prediction of non-word characters only
    assertScore(score("rougeLsum", "w1 w2 w3 w4 w5", "/"), 0, 0, 0, 5e-4);
  }
}
