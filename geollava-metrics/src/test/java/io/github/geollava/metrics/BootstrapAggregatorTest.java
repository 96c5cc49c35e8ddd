package io.github.geollava.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapAggregatorTest {

  @Test
  void numpyLinearPercentile() {
    double[] v = {1, 2, 3, 4};
    assertThat(BootstrapAggregator.percentile(v, 50)).isEqualTo(2.5);
    assertThat(BootstrapAggregator.percentile(v, 0)).isEqualTo(1.0);
    assertThat(BootstrapAggregator.percentile(v, 100)).isEqualTo(4.0);
    assertThat(BootstrapAggregator.percentile(v, 2.5)).isEqualTo(1.075);
  }

  @Test
  void constantScoresGiveDegenerateIntervals() {
    BootstrapAggregator.AggregateScore a =
        BootstrapAggregator.defaults()
            .aggregateScores(List.of(Score.of(0.5, 0.25), Score.of(0.5, 0.25)));
    assertThat(a.low()).isEqualTo(a.high());
    assertThat(a.mid().precision()).isEqualTo(0.5);
  }

  @Test
  void intervalsAreSeededAndBracketTheMean() {
    double[] values = new double[200];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 37 % 101) / 100.0;
    }
    BootstrapAggregator b = new BootstrapAggregator(0.95, 500, 7);
    BootstrapAggregator.Interval x = b.aggregate(values);
    assertThat(b.aggregate(values)).isEqualTo(x);
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    assertThat(x.low()).isLessThan(mean);
    assertThat(x.high()).isGreaterThan(mean);
  }

  @Test
  void validatesFields() {
    assertThatThrownBy(() -> new BootstrapAggregator(1.5, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }
}
