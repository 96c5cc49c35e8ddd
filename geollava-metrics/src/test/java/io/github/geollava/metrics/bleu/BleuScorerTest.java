package io.github.geollava.metrics.bleu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BleuScorerTest {

  @Test
  void geollavaPresetIsWhitespaceBigramMethod1() {
    BleuScorer s = BleuScorer.geollava();
    assertThat(s.weights()).containsExactly(0.5, 0.5);
    assertThat(s.smoothing()).isEqualTo(Smoothing.METHOD1);
    assertThat(s.score("a b c d", "a b c e")).isCloseTo(Math.sqrt(0.5), within(1e-15));
  }

  @Test
  void whitespaceSplitFollowsPython() {
    BleuScorer s = BleuScorer.geollava();
    // NBSP and ideographic space separate; zero-width space does not; case is kept.
    assertThat(s.tokenize(" a\u00a0b\u3000c\u200bd  E\n")).containsExactly("a", "b", "c\u200bd", "E");
  }

  @Test
  void thirteenATokenization() {
    BleuScorer s =
        BleuScorer.builder().optTokenization(BleuScorer.Tokenization.THIRTEEN_A).build();
    assertThat(s.tokenize("Hello, world!")).containsExactly("Hello", ",", "world", "!");
    assertThat(s.score("Hello, world!", "Hello , world !")).isEqualTo(1.0);
  }

  @Test
  void badTextsGiveDefinedValues() {
    BleuScorer s = BleuScorer.geollava();
    assertThat(s.score("", "")).isZero();
    assertThat(s.score("a building", "")).isZero();
    assertThat(s.score("...", "!!!")).isZero();
    String longText = "word ".repeat(10_000);
    assertThat(s.score(longText, longText)).isEqualTo(1.0);
    assertThat(s.score("東京 の 建物", "東京 の 建物")).isEqualTo(1.0);
  }

  @Test
  void corpusAndMultiReference() {
    BleuScorer s = BleuScorer.geollava();
    assertThat(s.scoreMulti(List.of("x y z", "a b c d"), "a b c d")).isEqualTo(1.0);
    assertThat(s.corpus(List.of("a b c d", "e f"), List.of("a b c d", "e f"))).isEqualTo(1.0);
  }

  @Test
  void fastPathEqualsTheListPath() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    String[] words = {"a", "b", "road", "Road", "x\u200by", "東京", "."};
    String[] spaces = {" ", "  ", "\u00a0", "\t", "\u3000", "\n"};
    for (int method = 0; method <= 3; method++) {
      for (double[] w : new double[][] {{1}, {0.5, 0.5}, {0.25, 0.25, 0.25, 0.25}}) {
        BleuScorer s = BleuScorer.builder().optWeights(w).optSmoothing(Smoothing.of(method)).build();
        for (int trial = 0; trial < 100; trial++) {
          StringBuilder r = new StringBuilder();
          StringBuilder c = new StringBuilder();
          for (int i = rng.nextInt(12); i > 0; i--) {
            r.append(words[rng.nextInt(words.length)]).append(spaces[rng.nextInt(spaces.length)]);
          }
          for (int i = rng.nextInt(12); i > 0; i--) {
            c.append(words[rng.nextInt(words.length)]).append(spaces[rng.nextInt(spaces.length)]);
          }
          double slow =
              Bleu.sentenceBleu(List.of(s.tokenize(r.toString())), s.tokenize(c.toString()), w,
                  Smoothing.of(method));
          assertThat(s.score(r.toString(), c.toString())).isEqualTo(slow);
        }
      }
    }
  }

  @Test
  void rejectsBadWeights() {
    assertThatThrownBy(() -> BleuScorer.builder().optWeights(0.5, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
