package io.github.geollava.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NgramKeysTest {

  @Test
  void equalNgramsGetEqualKeysAcrossSequences() {
    NgramKeys.Interner in = new NgramKeys.Interner();
    int[] a = in.ids(List.of("x", "y", "z", "x", "y", "z"));
    int[] b = in.ids(List.of("y", "z", "x"));
    long[][] k3 = NgramKeys.keys(List.of(a, b), 3);
    assertThat(k3[0]).hasSize(4);
    assertThat(k3[0][0]).isEqualTo(k3[0][3]); // x y z twice
    assertThat(k3[1][0]).isEqualTo(k3[0][1]); // y z x
    assertThat(k3[0][0]).isNotEqualTo(k3[0][1]);
    assertThat(NgramKeys.keys(List.of(b), 4)[0]).isEmpty();
  }
}
