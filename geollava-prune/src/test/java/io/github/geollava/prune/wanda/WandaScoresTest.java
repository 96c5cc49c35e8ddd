package io.github.geollava.prune.wanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WandaScoresTest {

  @Test
  void scoreIsMagnitudeTimesInputNorm() {
    float[] w = {1f, -2f, 0.5f, 4f, -1f, 0f};
    float[] s = WandaScores.of(w, 3, new float[] {10f, 1f, 2f});
    assertThat(s).containsExactly(10f, 2f, 1f, 40f, 1f, 0f);
  }

  @Test
  void rejectsMismatchedNorms() {
    assertThatThrownBy(() -> WandaScores.of(new float[6], 3, new float[2])).hasMessageContaining("3 input channels");
    assertThatThrownBy(() -> WandaScores.of(new float[5], 3, new float[3])).hasMessageContaining("(out, 3)");
    assertThatThrownBy(() -> WandaScores.of(new float[3], 3, new float[] {1f, Float.NaN, 1f}))
        .hasMessageContaining("inputNorms[1]");
  }
}
