package io.github.geollava.dataset.pairs;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The minimum time between the two images of a pair. Inclusive: a gap exactly equal to the minimum
 * qualifies.
 */
@FunctionalInterface
public interface MinGap {

  /** The paper's default: 365 days. */
  MinGap DEFAULT = of(Duration.ofDays(365));

  /**
   * Whether {@code later} is at least the minimum gap after {@code earlier}.
   *
   * @param earlier the earlier capture time
   * @param later the later capture time
   * @return true when the pair is far enough apart
   */
  boolean reached(Instant earlier, Instant later);

  /**
   * A fixed-length gap: {@code later - earlier >= gap}.
   *
   * @param gap a non-negative duration
   * @return the rule
   */
  static MinGap of(Duration gap) {
    Objects.requireNonNull(gap, "minGap");
    if (gap.isNegative()) {
      throw new IllegalArgumentException("minGap: must be >= 0, found " + gap);
    }
    return new MinGap() {
      @Override
      public boolean reached(Instant earlier, Instant later) {
        return Duration.between(earlier, later).compareTo(gap) >= 0;
      }

      @Override
      public String toString() {
        return gap.toString();
      }
    };
  }

  /**
   * A calendar gap in UTC: {@code later >= earlier + period}; {@code P12M} from 29 February reaches
   * 28 February of the next year, and from 1 March 2015 it needs 366 days.
   *
   * @param gap a non-negative period
   * @return the rule
   */
  static MinGap of(Period gap) {
    Objects.requireNonNull(gap, "minGap");
    if (gap.isNegative()) {
      throw new IllegalArgumentException("minGap: must be >= 0, found " + gap);
    }
    return new MinGap() {
      @Override
      public boolean reached(Instant earlier, Instant later) {
        return !earlier.atOffset(ZoneOffset.UTC).plus(gap).toInstant().isAfter(later);
      }

      @Override
      public String toString() {
        return gap.toString();
      }
    };
  }
}
