package io.github.geollava.metrics.bleu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FsumTest {

  @Test
  void exactSums() {
    double[] tenth = new double[10];
    java.util.Arrays.fill(tenth, 0.1);
    assertThat(Fsum.fsum(tenth, 10)).isEqualTo(1.0);
    assertThat(Fsum.fsum(new double[] {1e100, 1.0, -1e100}, 3)).isEqualTo(1.0);
    assertThat(Fsum.fsum(new double[0], 0)).isEqualTo(0.0);
  }
}
