package io.github.geollava.prune.select;

/**
 * How many weights a sparsity prunes: {@code k = round(s * n)} with Python 3's {@code round} (half to
 * even), which is what {@code torch.nn.utils.prune._compute_nparams_toprune} computes for a float
 * amount. The product is taken in IEEE double, as Python does, so the same (s, n) gives the same k.
 */
public final class PruneCount {

  private PruneCount() {}

  /**
   * The number of weights to prune.
   *
   * @param sparsity the fraction to prune, in [0, 1]
   * @param n the number of weights, at least 0
   * @return {@code round(sparsity * n)}, half to even
   * @throws IllegalArgumentException if {@code sparsity} is outside [0, 1] or NaN, or {@code n} is negative
   */
  public static long of(double sparsity, long n) {
    checkSparsity("sparsity", sparsity);
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    // Math.rint rounds half to even, exactly like Python 3's round() on a float.
    return (long) Math.rint(sparsity * n);
  }

  /**
   * Validates a sparsity value.
   *
   * @param field the name to put in the message
   * @param sparsity the value
   * @throws IllegalArgumentException if it is outside [0, 1] or NaN
   */
  public static void checkSparsity(String field, double sparsity) {
    if (!(sparsity >= 0.0 && sparsity <= 1.0)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], got " + sparsity);
    }
  }
}
