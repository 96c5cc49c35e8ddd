package io.github.geollava.prune.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MagnitudeSelectorTest {

  @Test
  void prunesSmallestWithTiesToLowerIndex() {
    float[] w = {3f, -1f, 1f, 0.5f, -0.5f, 2f, 1f, -3f};
    // k = 4: both 0.5s, then two of the three 1s (indices 1 and 2, the lower ones).
    assertThat(MagnitudeSelector.mask(w, 0.5)).containsExactly(1, 0, 0, 0, 0, 1, 1, 1);
    Threshold t = MagnitudeSelector.threshold(w, 4);
    assertThat(t.tau()).isEqualTo(1f);
    assertThat(t.below()).isEqualTo(2);
    assertThat(t.tiesToPrune()).isEqualTo(2);
  }

  @Test
  void keepsStrictlyAboveTau() {
    float[] w = {0.1f, -0.2f, 0.3f, -0.4f, 0.5f};
    // k = round(0.4 * 5) = 2: prune 0.1 and 0.2; tau = 0.2, the rest is > tau.
    byte[] m = MagnitudeSelector.mask(w, 0.4);
    assertThat(m).containsExactly(0, 0, 1, 1, 1);
  }

  @Test
  void zeroAndFullSparsity() {
    float[] w = {1f, 2f, 0f};
    assertThat(MagnitudeSelector.mask(w, 0.0)).containsExactly(1, 1, 1);
    assertThat(MagnitudeSelector.mask(w, 1.0)).containsExactly(0, 0, 0);
    assertThat(MagnitudeSelector.mask(new float[0], 0.5)).isEmpty();
  }

  @Test
  void matchesFullSortOnTiedAndExtremeValues() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      float[] w = SelectionReference.tiedWeights(rnd, 1 + rnd.nextInt(300));
      double s = rnd.nextDouble();
      long k = PruneCount.of(s, w.length);
      assertThat(MagnitudeSelector.mask(w, s))
          .as("trial %d, n=%d, s=%f", trial, w.length, s)
          .containsExactly(SelectionReference.mask(w, k));
    }
  }

  @Test
  void exactCountOnALargeGaussianTensor() {
    Random rnd = new Random(11);
    float[] w = new float[100_003];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (rnd.nextGaussian() * 0.02);
    }
    byte[] m = MagnitudeSelector.mask(w, 0.1);
    long zeros = 0;
    float maxPruned = 0f;
    float minKept = Float.MAX_VALUE;
    for (int i = 0; i < w.length; i++) {
      if (m[i] == 0) {
        zeros++;
        maxPruned = Math.max(maxPruned, Math.abs(w[i]));
      } else {
        minKept = Math.min(minKept, Math.abs(w[i]));
      }
    }
    assertThat(zeros).isEqualTo(10_000); // round(0.1 * 100003) = round(10000.3)
    assertThat(maxPruned).isLessThanOrEqualTo(minKept);
  }

  @Test
  void rejectsNaNNamingTheIndex() {
    float[] w = {1f, Float.NaN, 2f};
    assertThatThrownBy(() -> MagnitudeSelector.mask(w, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN")
        .hasMessageContaining("index 1");
  }

  @Test
  void rejectsOutOfRangeK() {
    assertThatThrownBy(() -> MagnitudeSelector.threshold(new float[3], 4)).hasMessageContaining("k must be");
  }
}
