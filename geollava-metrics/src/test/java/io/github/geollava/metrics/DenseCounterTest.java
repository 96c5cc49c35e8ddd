package io.github.geollava.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DenseCounterTest {

  @Test
  void remapsAndCountsClippedOverlaps() {
    DenseCounter d = DenseCounter.get();
    d.begin();
    int[] a = d.remap(new int[] {900, 5, 900, 7});
    int[] b = d.remap(new int[] {5, 900, 900, 900, 42});
    assertThat(a).containsExactly(0, 1, 0, 2);
    assertThat(d.vocab()).isEqualTo(4);
    assertThat(d.overlap(a, b, 1)).isEqualTo(3); // 900 twice, 5 once
    assertThat(d.overlap(a, b, 2)).isEqualTo(1); // "5 900"
    assertThat(d.overlap(a, b, 1)).isEqualTo(3); // tables were restored to zero
    d.begin();
    assertThat(d.remap(new int[] {7})).containsExactly(0);
  }
}
