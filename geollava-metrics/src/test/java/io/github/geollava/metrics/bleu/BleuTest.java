package io.github.geollava.metrics.bleu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expectations from NLTK's own documentation (bleu_score.py doctests, printed to four digits there)
 * and closed-form cases.
 */
class BleuTest {

  private static final double[] W4 = {0.25, 0.25, 0.25, 0.25};

  private static List<String> t(String s) {
    return Arrays.asList(s.split(" "));
  }

  private static final List<String> HYP1 =
      t("It is a guide to action which ensures that the military always obeys the commands of the party");
  private static final List<String> HYP2 =
      t("It is to insure the troops forever hearing the activity guidebook that party direct");
  private static final List<String> REF1A =
      t("It is a guide to action that ensures that the military will forever heed Party commands");
  private static final List<String> REF1B =
      t("It is the guiding principle which guarantees the military forces always being under the"
          + " command of the Party");
  private static final List<String> REF1C =
      t("It is the practical guide for the army always to heed the directions of the party");

  /** NLTK doctests print "0.5045..."-style prefixes: the value must start with those digits. */
  private static void assertPrefix(double value, String prefix) {
    assertThat(String.valueOf(value)).startsWith(prefix);
  }

  @Test
  void nltkSentenceBleuDoctest() {
    assertPrefix(Bleu.sentenceBleu(List.of(REF1A, REF1B, REF1C), HYP1, W4, Smoothing.NONE), "0.5045");
  }

  @Test
  void nltkCorpusBleuDoctest() {
    List<String> hyp2 = t("he read the book because he was interested in world history");
    List<String> ref2a = t("he was interested in world history because he read the book");
    double corpus =
        Bleu.corpusBleu(
            List.of(List.of(REF1A, REF1B, REF1C), List.of(ref2a)),
            List.of(HYP1, hyp2),
            W4,
            Smoothing.NONE,
            false);
    assertPrefix(corpus, "0.5920");
    double s1 = Bleu.sentenceBleu(List.of(REF1A, REF1B, REF1C), HYP1, W4, Smoothing.NONE);
    double s2 = Bleu.sentenceBleu(List.of(ref2a), hyp2, W4, Smoothing.NONE);
    assertPrefix((s1 + s2) / 2, "0.6223");
  }

  @Test
  void nltkSmoothingDoctests() {
    String[] expected = {
      "0.4118", "0.4118", "0.4452", "0.4118", "0.4118", "0.4905", "0.4135", "0.4905"
    };
    for (int m = 0; m <= 7; m++) {
      assertPrefix(Bleu.sentenceBleu(List.of(REF1A), HYP1, W4, Smoothing.of(m)), expected[m]);
    }
    assertPrefix(
        Bleu.sentenceBleu(List.of(REF1A, REF1B, REF1C), HYP2, W4, Smoothing.of(1)), "0.0370");
  }

  @Test
  void modifiedPrecisionDoctests() {
    List<List<String>> refs = List.of(REF1A, REF1B, REF1C);
    assertPrefix(Bleu.modifiedPrecision(refs, HYP1, 1).toDouble(), "0.9444");
    assertThat(Bleu.modifiedPrecision(refs, HYP1, 2).toDouble()).isEqualTo(0.5882352941176471);
    assertPrefix(Bleu.modifiedPrecision(refs, HYP2, 1).toDouble(), "0.5714");
    assertPrefix(Bleu.modifiedPrecision(refs, HYP2, 2).toDouble(), "0.07692");
    // the classic clipping example: seven "the" against references with at most two
    List<List<String>> catRefs =
        List.of(t("the cat is on the mat"), t("there is a cat on the mat"));
    PyNum p = Bleu.modifiedPrecision(catRefs, t("the the the the the the the"), 1);
    assertThat(p.numerator()).isEqualTo(2);
    assertThat(p.denominator()).isEqualTo(7);
  }

  @Test
  void identicalSentenceScoresOne() {
    List<String> s = t("the cat sat on the mat");
    assertThat(Bleu.sentenceBleu(List.of(s), s, W4, Smoothing.NONE)).isEqualTo(1.0);
  }

  @Test
  void closedFormBigramBleu() {
    // p1 = 3/4, p2 = 2/3, equal lengths: BLEU = sqrt(1/2)
    double b = Bleu.sentenceBleu(List.of(t("a b c d")), t("a b c e"), new double[] {0.5, 0.5},
        Smoothing.METHOD1);
    assertThat(b).isCloseTo(Math.sqrt(0.5), within(1e-15));
    // method 1: p2 = 0 -> 0.1 / 1
    double m1 = Bleu.sentenceBleu(List.of(t("a b")), t("a c"), new double[] {0.5, 0.5},
        Smoothing.METHOD1);
    assertThat(m1).isCloseTo(Math.sqrt(0.5 * 0.1), within(1e-15));
  }

  @Test
  void zeroHigherOrderWithoutSmoothingGivesTinyPositive() {
    // NLTK replaces the zero bigram precision by sys.float_info.min: exp(0.5 ln(1/2) + 0.5 ln(min)).
    double b = Bleu.sentenceBleu(List.of(t("a b")), t("a c"), new double[] {0.5, 0.5},
        Smoothing.NONE);
    assertThat(b).isCloseTo(Math.exp(0.5 * Math.log(0.5) + 0.5 * Math.log(Double.MIN_NORMAL)),
        within(1e-170));
    assertThat(b).isPositive();
  }

  @Test
  void brevityPenaltyAndClosestLength() {
    assertThat(Bleu.closestRefLength(List.of(t("a b c"), t("a b c d e")), 4)).isEqualTo(3);
    assertThat(Bleu.brevityPenalty(10, 12)).isEqualTo(1.0);
    assertThat(Bleu.brevityPenalty(10, 0)).isEqualTo(0.0);
    assertThat(Bleu.brevityPenalty(10, 5)).isEqualTo(Math.exp(1 - 2.0));
    // shorter hypothesis: bp = exp(1 - 4/2) with perfect unigram and bigram precision
    double b = Bleu.sentenceBleu(List.of(t("a b c d")), t("a b"), new double[] {0.5, 0.5},
        Smoothing.METHOD1);
    assertThat(b).isCloseTo(Math.exp(1 - 2.0), within(1e-15));
  }

  @Test
  void emptyInputsScoreZero() {
    assertThat(Bleu.sentenceBleu(List.of(t("a b")), List.of(), W4, Smoothing.METHOD1)).isZero();
    assertThat(Bleu.sentenceBleu(List.of(List.of()), t("a b"), W4, Smoothing.METHOD1)).isZero();
  }

  @Test
  void method6NeedsTrigramsLikeNltk() {
    assertThatThrownBy(
            () -> Bleu.sentenceBleu(List.of(t("a b")), t("a b"), new double[] {0.5, 0.5},
                Smoothing.of(6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("method 6");
  }
}
