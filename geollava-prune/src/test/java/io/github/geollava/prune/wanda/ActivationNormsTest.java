package io.github.geollava.prune.wanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActivationNormsTest {

  @Test
  void accumulatesPerChannelL2NormsOverBatches() {
    ActivationNorms n = new ActivationNorms(2);
    n.add(new float[] {3f, 1f, 0f, 1f}); // tokens (3, 1), (0, 1)
    n.add(new float[] {4f, 1f});
    assertThat(n.tokens()).isEqualTo(3);
    assertThat(n.norms()).containsExactly(5f, (float) Math.sqrt(3));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new ActivationNorms(2).add(new float[3])).hasMessageContaining("2 channels");
    assertThatThrownBy(() -> new ActivationNorms(2).norms()).hasMessageContaining("no calibration");
    assertThatThrownBy(() -> new ActivationNorms(0)).hasMessageContaining("channels");
  }
}
