package io.github.geollava.metrics.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenStatesTest {

  @Test
  void rowsAndValidation() {
    TokenStates s =
        new TokenStates(new long[] {1, 2}, new boolean[] {true, false}, new float[] {1, 2, 3, 4}, 2);
    assertThat(s.row(1)).containsExactly(3f, 4f);
    assertThatThrownBy(
            () -> new TokenStates(new long[] {1}, new boolean[] {true}, new float[] {1, 2, 3}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dim 2");
  }
}
