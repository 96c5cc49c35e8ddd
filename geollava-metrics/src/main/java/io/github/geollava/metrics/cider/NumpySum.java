package io.github.geollava.metrics.cider;

/**
 * numpy's pairwise summation of a contiguous float64 array ({@code np.sum}, {@code np.mean}): a
 * plain loop below 8 elements, eight interleaved accumulators up to 128, halves (rounded to a multiple
 * of 8) beyond; numpy starts the reduction from the identity 0.
 */
final class NumpySum {

  private static final int BLOCK = 128;

  private NumpySum() {}

  static double sum(double[] a) {
    return 0.0 + pairwise(a, 0, a.length);
  }

  private static double pairwise(double[] a, int from, int n) {
    if (n < 8) {
      double res = -0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      for (int j = 0; j < 8; j++) {
        r[j] = a[from + j];
      }
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[from + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
  }
}
