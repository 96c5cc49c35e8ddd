package io.github.geollava.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {

  @Test
  void greedyTakesTheFirstMaximum() {
    assertThat(Sampler.GREEDY.sample(new float[] {1f, 5f, 5f, 2f}, null)).isEqualTo(1);
  }

  @Test
  void multinomialFollowsTheSoftmaxAndNeverPicksMaskedTokens() {
    float[] logits = {0f, (float) Math.log(3), Float.NEGATIVE_INFINITY};
    SplittableRandom rnd = new SplittableRandom(7);
    int[] counts = new int[3];
    for (int i = 0; i < 20000; i++) {
      counts[Sampler.MULTINOMIAL.sample(logits, rnd)]++;
    }
    assertThat(counts[2]).isZero();
    assertThat(counts[1] / 20000.0).isBetween(0.73, 0.77); // p = 0.75
  }

  @Test
  void multinomialIsDeterministicForASeed() {
    float[] logits = {0.1f, 0.2f, 0.3f, 0.4f};
    SplittableRandom a = new SplittableRandom(3);
    SplittableRandom b = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      assertThat(Sampler.MULTINOMIAL.sample(logits, a)).isEqualTo(Sampler.MULTINOMIAL.sample(logits, b));
    }
  }

  @Test
  void allMaskedFailsClearly() {
    float[] logits = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
    assertThatThrownBy(() -> Sampler.MULTINOMIAL.sample(logits, new SplittableRandom(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no finite logit");
  }
}
