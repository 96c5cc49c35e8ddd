package io.github.geollava.dataset.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

class MinGapTest {

  @Test
  void durationIsInclusive() {
    Instant a = Instant.parse("2015-01-10T10:00:00Z");
    assertThat(MinGap.DEFAULT.reached(a, a.plus(Duration.ofDays(365)))).isTrue();
    assertThat(MinGap.DEFAULT.reached(a, a.plus(Duration.ofDays(365)).minusSeconds(1))).isFalse();
    assertThat(MinGap.DEFAULT.reached(a, a.plus(Duration.ofDays(365)).minusNanos(1))).isFalse();
  }

  @Test
  void periodFollowsTheCalendarInUtc() {
    MinGap year = MinGap.of(Period.ofMonths(12));
    assertThat(year.reached(Instant.parse("2016-02-29T08:00:00Z"), Instant.parse("2017-02-28T08:00:00Z")))
        .isTrue();
    assertThat(year.reached(Instant.parse("2015-03-01T08:00:00Z"), Instant.parse("2016-02-29T08:00:00Z")))
        .isFalse();
    assertThat(year.reached(Instant.parse("2015-03-01T08:00:00Z"), Instant.parse("2016-03-01T08:00:00Z")))
        .isTrue();
    assertThat(year).hasToString("P12M");
  }
}
