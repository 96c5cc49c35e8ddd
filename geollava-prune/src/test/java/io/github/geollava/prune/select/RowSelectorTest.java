package io.github.geollava.prune.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowSelectorTest {

  @Test
  void smallestPerRowWithTiesToLowerColumn() {
    float[] s = {
      4f, 1f, 1f, 3f,
      0f, 9f, 0f, 0f,
    };
    assertThat(RowSelector.smallestPerRow(s, 2, 4, 2)).containsExactly(1, 0, 0, 1, 0, 1, 0, 1);
    assertThat(RowSelector.smallestPerRow(s, 2, 4, 0)).containsExactly(1, 1, 1, 1, 1, 1, 1, 1);
  }

  @Test
  void twoOfFourKeepsTheTwoLargestOfEveryGroup() {
    float[] s = {
      0.1f, 0.4f, 0.3f, 0.2f, 5f, 5f, 5f, 5f,
      1f, 0f, 2f, 0f, 0.5f, 0.7f, 0.6f, 0.9f,
    };
    byte[] m = RowSelector.nOfM(s, 2, 8, 2, 4);
    assertThat(m).containsExactly(0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1);
    for (int g = 0; g < 4; g++) {
      int kept = 0;
      for (int j = 0; j < 4; j++) {
        kept += m[g * 4 + j];
      }
      assertThat(kept).isEqualTo(2);
    }
  }

  @Test
  void rejectsBadShapes() {
    assertThatThrownBy(() -> RowSelector.nOfM(new float[6], 1, 6, 2, 4)).hasMessageContaining("multiple of 4");
    assertThatThrownBy(() -> RowSelector.smallestPerRow(new float[6], 2, 4, 1)).hasMessageContaining("shape");
    assertThatThrownBy(() -> RowSelector.smallestPerRow(new float[] {Float.NaN}, 1, 1, 1))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> RowSelector.nOfM(new float[4], 1, 4, 5, 4)).hasMessageContaining("5:4");
  }
}
