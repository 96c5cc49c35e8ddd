package io.github.geollava.metrics.cider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Closed-form CIDEr-D cases derived from pycocoevalcap's formulas. */
class CiderDTest {

  private final CiderD cider = CiderD.defaults();

  @Test
  void identicalCaptionsWithDisjointVocabulariesScoreTen() {
    CiderD.Result r =
        cider.score(
            List.of("a b c d e", "v w x y z"), List.of(List.of("a b c d e"), List.of("v w x y z")));
    assertThat(r.perItem()[0]).isCloseTo(10.0, within(1e-12));
    assertThat(r.perItem()[1]).isCloseTo(10.0, within(1e-12));
    assertThat(r.mean()).isCloseTo(10.0, within(1e-12));
  }

  @Test
  void ngramsInEveryReferenceCarryNoWeight() {
    CiderD.Result r = cider.score(List.of("a b c", "a b c"), List.of(List.of("a b c"), List.of("a b c")));
    assertThat(r.perItem()).containsExactly(0.0, 0.0);
  }

  @Test
  void clippedCosineWithLengthPenalty() {
    CiderD.Result r =
        cider.score(List.of("a b c", "w x y z"), List.of(List.of("a b c d e"), List.of("w x y z")));
    // orders 1..3: 3/sqrt(15), 2/sqrt(8), 1/sqrt(3); no 4-gram in the candidate.
    // "length" counts bigrams (pycocoevalcap): 2 vs 4, delta -2.
    double expected =
        10 * (3 / Math.sqrt(15) + 2 / Math.sqrt(8) + 1 / Math.sqrt(3) + 0) / 4
            * Math.exp(-4.0 / 72);
    assertThat(r.perItem()[0]).isCloseTo(expected, within(1e-12));
  }

  @Test
  void candidateCountsAreClippedByTheReference() {
    // "a a a" vs "a b": unigram weight min(3w, w) * w over norms 3w and sqrt(2)w.
    CiderD.Result r = cider.score(List.of("a a a", "z"), List.of(List.of("a b"), List.of("z")));
    double unigram = 1 / (3 * Math.sqrt(2));
    // bigrams: "a a" x2 vs "a b": no overlap; lengths (bigrams) 2 vs 1.
    double expected = 10 * unigram / 4 * Math.exp(-1.0 / 72);
    assertThat(r.perItem()[0]).isCloseTo(expected, within(1e-12));
  }

  @Test
  void emptyAndPunctuationTextsAreDefined() {
    CiderD.Result r = cider.score(List.of("", "!!!"), List.of(List.of("a b"), List.of("c d")));
    assertThat(r.perItem()).containsExactly(0.0, 0.0);
  }

  @Test
  void rejectsMismatchedInputs() {
    assertThatThrownBy(() -> cider.score(List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 candidates");
  }
}
