package io.github.geollava.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreTest {

  @Test
  void fmeasureIsHarmonicMeanOrZero() {
    assertThat(Score.of(0.5, 1.0).fmeasure()).isEqualTo(2 * 0.5 / 1.5);
    assertThat(Score.of(0, 0)).isEqualTo(Score.ZERO);
  }
}
