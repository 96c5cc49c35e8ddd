package io.github.geollava.metrics.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LcsTest {

  @Test
  void bitParallelLengthEqualsTheTable() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 2000; trial++) {
      int[] a = new int[rng.nextInt(0, 200)];
      int[] b = new int[rng.nextInt(0, 200)];
      int alphabet = rng.nextInt(1, 30);
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextInt(alphabet);
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = rng.nextInt(alphabet);
      }
      assertThat(Lcs.length(a, b)).isEqualTo(Lcs.lengthByTable(a, b));
    }
  }

  @Test
  void backtrackFollowsRougeScore() {
    // ties go up (drop the reference token) unless left is strictly larger
    assertThat(Lcs.indices(new int[] {1, 2, 3, 4, 5}, new int[] {1, 3, 8, 9, 5})).containsExactly(0, 2, 4);
    assertThat(Lcs.indices(new int[] {1, 2}, new int[] {2, 1})).hasSize(1);
    assertThat(Lcs.indices(new int[0], new int[] {1})).isEmpty();
  }
}
