package io.github.geollava.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bootstrap confidence intervals of a mean, the way rouge-score's {@code BootstrapAggregator} computes
 * them: draw {@code samples} resamples of the rows with replacement, take each resample's column
 * means, and report numpy's linear-interpolation percentiles {@code (1-c)/2}, 0.5 and {@code 1-(1-c)/2}
 * of those means as low, mid and high.
 *
 * <p>The random stream is Java's {@link SplittableRandom} with the given seed, not numpy's global
 * Mersenne Twister, so intervals are reproducible run to run but are not digit-identical to Python's;
 * they agree with it in distribution. The point estimates (macro means) are exact.
 *
 * @param confidence the confidence level in (0, 1), 0.95 by default
 * @param samples the number of bootstrap resamples, at least 1 (1000 by default)
 * @param seed the seed of the resampling stream
 */
public record BootstrapAggregator(double confidence, int samples, long seed) {

  /** Validates the fields. */
  public BootstrapAggregator {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, got " + samples);
    }
  }

  /** rouge-score's defaults (confidence 0.95, 1000 resamples) with seed 42. */
  public static BootstrapAggregator defaults() {
    return new BootstrapAggregator(0.95, 1000, 42L);
  }

  /**
   * A (low, mid, high) interval of one measure.
   *
   * @param low the lower percentile of the bootstrap means
   * @param mid the median of the bootstrap means
   * @param high the upper percentile of the bootstrap means
   */
  public record Interval(double low, double mid, double high) {}

  /**
   * Aggregated P/R/F intervals, as rouge-score's {@code AggregateScore}.
   *
   * @param low the lower bounds
   * @param mid the medians
   * @param high the upper bounds
   */
  public record AggregateScore(Score low, Score mid, Score high) {}

  /**
   * Bootstrap intervals of the column means of {@code rows} (one row per sample, one column per
   * measure). An empty input gives NaN intervals.
   */
  public Interval[] aggregate(double[][] rows) {
    int n = rows.length;
    int m = n == 0 ? 0 : rows[0].length;
    if (n == 0) {
      return new Interval[0];
    }
    for (int i = 0; i < n; i++) {
      if (rows[i].length != m) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " measures, expected " + m);
      }
    }
    double[][] means = new double[m][samples];
    SplittableRandom rng = new SplittableRandom(seed);
    double[] sum = new double[m];
    for (int s = 0; s < samples; s++) {
      Arrays.fill(sum, 0.0);
      for (int i = 0; i < n; i++) {
        double[] row = rows[rng.nextInt(n)];
        for (int j = 0; j < m; j++) {
          sum[j] += row[j];
        }
      }
      for (int j = 0; j < m; j++) {
        means[j][s] = sum[j] / n;
      }
    }
    double delta = (1 - confidence) / 2;
    Interval[] out = new Interval[m];
    for (int j = 0; j < m; j++) {
      double[] v = means[j];
      Arrays.sort(v);
      out[j] =
          new Interval(percentile(v, 100 * delta), percentile(v, 50), percentile(v, 100 * (1 - delta)));
    }
    return out;
  }

  /** Bootstrap intervals of one column of values. */
  public Interval aggregate(double[] values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    Interval[] r = aggregate(rows);
    return r.length == 0 ? new Interval(Double.NaN, Double.NaN, Double.NaN) : r[0];
  }

  /** Bootstrap intervals of precision, recall and F-measure, as rouge-score aggregates a score type. */
  public AggregateScore aggregateScores(List<Score> scores) {
    if (scores.isEmpty()) {
      Score nan = new Score(Double.NaN, Double.NaN, Double.NaN);
      return new AggregateScore(nan, nan, nan);
    }
    double[][] rows = new double[scores.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = scores.get(i).toArray();
    }
    Interval[] iv = aggregate(rows);
    return new AggregateScore(
        new Score(iv[0].low(), iv[1].low(), iv[2].low()),
        new Score(iv[0].mid(), iv[1].mid(), iv[2].mid()),
        new Score(iv[0].high(), iv[1].high(), iv[2].high()));
  }

  /**
   * numpy's default ("linear") percentile of an ascending array, including its lerp that is
   * computed from the upper end when the fraction is at least one half.
   */
  static double percentile(double[] sorted, double q) {
    double idx = q / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(idx);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double t = idx - lo;
    double a = sorted[lo];
    double b = sorted[hi];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}
