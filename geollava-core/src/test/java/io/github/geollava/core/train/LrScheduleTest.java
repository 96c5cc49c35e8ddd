package io.github.geollava.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LrScheduleTest {

  @Test
  void warmupRisesLinearlyFromZero() {
    for (LrSchedule s : LrSchedule.values()) {
      assertThat(s.factor(0, 10, 100)).isZero();
      assertThat(s.factor(5, 10, 100)).isCloseTo(0.5, within(1e-12));
    }
  }

  @Test
  void decaysMatchHuggingFaceFormulas() {
    // get_linear_schedule_with_warmup(10, 100): (100 - step) / 90 after warmup
    assertThat(LrSchedule.LINEAR.factor(10, 10, 100)).isEqualTo(1.0);
    assertThat(LrSchedule.LINEAR.factor(55, 10, 100)).isCloseTo(0.5, within(1e-12));
    assertThat(LrSchedule.LINEAR.factor(100, 10, 100)).isZero();
    // get_cosine_schedule_with_warmup: 0.5 (1 + cos(pi progress))
    assertThat(LrSchedule.COSINE.factor(10, 10, 100)).isEqualTo(1.0);
    assertThat(LrSchedule.COSINE.factor(55, 10, 100)).isCloseTo(0.5, within(1e-12));
    assertThat(LrSchedule.COSINE.factor(32, 10, 100))
        .isCloseTo(0.5 * (1 + Math.cos(Math.PI * 22 / 90.0)), within(1e-12));
    assertThat(LrSchedule.CONSTANT.factor(99, 10, 100)).isEqualTo(1.0);
  }

  @Test
  void noWarmupStartsAtTheFullRate() {
    assertThat(LrSchedule.LINEAR.factor(0, 0, 4)).isEqualTo(1.0);
    assertThat(LrSchedule.LINEAR.factor(3, 0, 4)).isCloseTo(0.25, within(1e-12));
  }
}
