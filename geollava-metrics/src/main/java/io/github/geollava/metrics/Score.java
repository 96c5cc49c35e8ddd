package io.github.geollava.metrics;

/**
 * Precision, recall and F-measure of one candidate against its reference(s), as rouge-score's
 * {@code Score} tuple and bert_score's (P, R, F) triple.
 *
 * @param precision the precision, usually in [0, 1]
 * @param recall the recall, usually in [0, 1]
 * @param fmeasure the harmonic mean of precision and recall (0 when both are 0)
 */
public record Score(double precision, double recall, double fmeasure) {

  /** The all-zero score that the reference libraries return for empty inputs. */
  public static final Score ZERO = new Score(0.0, 0.0, 0.0);

  /**
   * Builds a score from precision and recall with rouge-score's {@code fmeasure}: {@code 2PR/(P+R)},
   * or 0 when {@code P + R} is not positive.
   */
  public static Score of(double precision, double recall) {
    return new Score(precision, recall, fmeasure(precision, recall));
  }

  /** rouge-score's {@code scoring.fmeasure}: {@code 2PR/(P+R)} when {@code P+R > 0}, else 0. */
  public static double fmeasure(double precision, double recall) {
    if (precision + recall > 0) {
      return 2 * precision * recall / (precision + recall);
    }
    return 0.0;
  }

  /** The three values in the order precision, recall, F-measure. */
  public double[] toArray() {
    return new double[] {precision, recall, fmeasure};
  }
}
