package io.github.geollava.prune.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PruneCountTest {

  @Test
  void roundsHalfToEvenLikePythonRound() {
    // Expected values printed by CPython 3: round(s * n).
    assertThat(PruneCount.of(0.5, 5)).isEqualTo(2);
    assertThat(PruneCount.of(0.5, 7)).isEqualTo(4);
    assertThat(PruneCount.of(0.1, 25)).isEqualTo(2);
    assertThat(PruneCount.of(0.1, 15)).isEqualTo(2);
    assertThat(PruneCount.of(0.05, 10)).isEqualTo(0);
    assertThat(PruneCount.of(0.1, 35)).isEqualTo(4);
    assertThat(PruneCount.of(0.05, 30)).isEqualTo(2);
  }

  @Test
  void boundsAreInclusive() {
    assertThat(PruneCount.of(0.0, 1000)).isZero();
    assertThat(PruneCount.of(1.0, 1000)).isEqualTo(1000);
    assertThat(PruneCount.of(0.3, 0)).isZero();
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> PruneCount.of(1.5, 10)).hasMessageContaining("sparsity").hasMessageContaining("1.5");
    assertThatThrownBy(() -> PruneCount.of(Double.NaN, 10)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> PruneCount.of(0.5, -1)).hasMessageContaining("-1");
  }
}
