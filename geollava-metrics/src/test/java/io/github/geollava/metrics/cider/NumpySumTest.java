package io.github.geollava.metrics.cider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumpySumTest {

  @Test
  void sumsSmallAndBlockedArrays() {
    assertThat(NumpySum.sum(new double[] {1, 2, 3})).isEqualTo(6.0);
    double[] a = new double[1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    assertThat(NumpySum.sum(a)).isEqualTo(999.0 * 1000 / 2);
    assertThat(NumpySum.sum(new double[0])).isEqualTo(0.0);
  }
}
