package io.github.geollava.metrics.bleu;

/**
 * Python's {@code math.fsum}: the correctly rounded sum of doubles (Shewchuk's partials, with
 * CPython's final half-even correction), so weighted log precisions add up as in NLTK.
 */
final class Fsum {

  private Fsum() {}

  static double fsum(double[] xs, int count) {
    double[] partials = new double[Math.max(count, 1) + 1];
    int np = 0;
    for (int k = 0; k < count; k++) {
      double x = xs[k];
      int i = 0;
      for (int j = 0; j < np; j++) {
        double y = partials[j];
        if (Math.abs(x) < Math.abs(y)) {
          double t = x;
          x = y;
          y = t;
        }
        double hi = x + y;
        double lo = y - (hi - x);
        if (lo != 0.0) {
          partials[i++] = lo;
        }
        x = hi;
      }
      if (i >= partials.length) {
        partials = java.util.Arrays.copyOf(partials, partials.length * 2);
      }
      partials[i] = x;
      np = i + 1;
    }
    double hi = 0.0;
    if (np > 0) {
      int n = np - 1;
      hi = partials[n];
      double lo = 0.0;
      while (n > 0) {
        double x = hi;
        double y = partials[--n];
        hi = x + y;
        double yr = hi - x;
        lo = y - yr;
        if (lo != 0.0) {
          break;
        }
      }
      if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
        double y = lo * 2.0;
        double x = hi + y;
        double yr = x - hi;
        if (y == yr) {
          hi = x;
        }
      }
    }
    return hi;
  }
}
