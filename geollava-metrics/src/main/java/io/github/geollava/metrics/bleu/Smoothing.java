package io.github.geollava.metrics.bleu;

import java.util.List;

/**
 * NLTK's {@code SmoothingFunction} (Chen and Cherry 2014), methods 0 to 7, with its parameters
 * epsilon (method 1, default 0.1), alpha (method 6, default 5) and k (method 4, default 5).
 *
 * <p>As in NLTK, the smoothing sees the precisions of the whole corpus but the references and
 * hypothesis of the <em>last</em> pair (the loop variables NLTK passes on), and the total hypothesis
 * length.
 *
 * @param method the method number, 0..7
 * @param epsilon method 1's added count
 * @param alpha method 6's interpolation weight
 * @param k method 4's constant
 */
public record Smoothing(int method, double epsilon, double alpha, double k) {

  /** No smoothing (NLTK's {@code method0}: zero precisions become the smallest normal double). */
  public static final Smoothing NONE = of(0);

  /** Method 1 with epsilon 0.1, GeoLLaVA's choice. */
  public static final Smoothing METHOD1 = of(1);

  /** Validates the fields. */
  public Smoothing {
    if (method < 0 || method > 7) {
      throw new IllegalArgumentException("smoothing method must be 0..7, got " + method);
    }
    if (!(epsilon >= 0) || !(alpha >= 0) || !(k > 0)) {
      throw new IllegalArgumentException(
          "smoothing parameters must be epsilon >= 0, alpha >= 0, k > 0, got epsilon="
              + epsilon
              + " alpha="
              + alpha
              + " k="
              + k);
    }
  }

  /** Method {@code method} with NLTK's defaults epsilon 0.1, alpha 5, k 5. */
  public static Smoothing of(int method) {
    return new Smoothing(method, 0.1, 5, 5);
  }

  /** Python's representation of a whole-number parameter keeps int arithmetic exact. */
  private static PyNum param(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? PyNum.ofInt((long) v) : PyNum.ofFloat(v);
  }

  /**
   * Applies the method to the precisions {@code p} (modified in place, as NLTK does).
   *
   * @param p the clipped precisions as unnormalised fractions, one per order
   * @param references the last pair's references
   * @param hypothesis the last pair's hypothesis
   * @param hypLen the total hypothesis length
   */
  void apply(List<PyNum> p, List<List<String>> references, List<String> hypothesis, int hypLen) {
    switch (method) {
      case 0 -> method0(p);
      case 1 -> method1(p);
      case 2 -> method2(p);
      case 3 -> method3(p);
      case 4 -> method4(p, hypothesis, hypLen);
      case 5 -> method5(p, references, hypothesis);
      case 6 -> method6(p, hypothesis);
      case 7 -> {
        method4(p, hypothesis, hypLen);
        method5(p, references, hypothesis);
      }
      default -> throw new IllegalStateException("method " + method);
    }
  }

  private static void method0(List<PyNum> p) {
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i).signum() == 0) {
        Bleu.warnZeroOrder(i + 1);
        p.set(i, PyNum.ofFloat(Double.MIN_NORMAL));
      }
    }
  }

  private void method1(List<PyNum> p) {
    for (int i = 0; i < p.size(); i++) {
      PyNum pi = p.get(i);
      if (pi.numerator() == 0) {
        p.set(i, PyNum.ofFloat((pi.numerator() + epsilon) / pi.denominator()));
      }
    }
  }

  private static void method2(List<PyNum> p) {
    for (int i = 1; i < p.size(); i++) {
      PyNum pi = p.get(i);
      p.set(i, PyNum.fraction(pi.numerator() + 1, pi.denominator() + 1));
    }
  }

  private static void method3(List<PyNum> p) {
    int incvnt = 1;
    for (int i = 0; i < p.size(); i++) {
      PyNum pi = p.get(i);
      if (pi.numerator() == 0) {
        p.set(
            i,
            PyNum.ofInt(1).div(PyNum.ofInt(1L << incvnt).mul(PyNum.ofInt(pi.denominator()))));
        incvnt++;
      }
    }
  }

  private void method4(List<PyNum> p, List<String> hypothesis, int hypLen) {
    int len = hypLen != 0 ? hypLen : hypothesis.size();
    int incvnt = 1;
    for (int i = 0; i < p.size(); i++) {
      PyNum pi = p.get(i);
      if (pi.numerator() == 0 && len > 1) {
        // numerator = 1 / (2**incvnt * self.k / math.log(hyp_len))
        PyNum scale = PyNum.ofInt(1L << incvnt).mul(param(k)).div(PyNum.ofFloat(Math.log(len)));
        PyNum numerator = PyNum.ofInt(1).div(scale);
        p.set(i, numerator.div(PyNum.ofInt(pi.denominator())));
        incvnt++;
      }
    }
  }

  private static void method5(
      List<PyNum> p, List<List<String>> references, List<String> hypothesis) {
    // NLTK appends the 5-gram precision whatever the number of orders.
    PyNum plus = Bleu.modifiedPrecision(references, hypothesis, 5);
    PyNum[] original = p.toArray(new PyNum[0]);
    PyNum prevM = p.get(0).add(PyNum.ofInt(1));
    for (int i = 0; i < p.size(); i++) {
      PyNum next = i + 1 < original.length ? original[i + 1] : plus;
      PyNum v = prevM.add(original[i]).add(next).div(PyNum.ofInt(3));
      p.set(i, v);
      prevM = v;
    }
  }

  private void method6(List<PyNum> p, List<String> hypothesis) {
    if (p.size() < 3 || p.get(2).signum() == 0) {
      throw new IllegalArgumentException(
          "smoothing method 6 requires non-zero precision for trigrams (NLTK asserts p_n[2]);"
              + " got "
              + (p.size() < 3 ? "only " + p.size() + " orders" : "p_3 = 0"));
    }
    PyNum a = param(alpha);
    for (int i = 2; i < p.size(); i++) {
      PyNum pi = p.get(i);
      PyNum prev2 = p.get(i - 2);
      PyNum pi0 = prev2.signum() == 0 ? PyNum.ofInt(0) : p.get(i - 1).square().div(prev2);
      PyNum m = PyNum.ofInt(pi.numerator());
      int l = Math.max(hypothesis.size() - i, 0);
      p.set(i, m.add(a.mul(pi0)).div(PyNum.ofInt(l).add(a)));
    }
  }
}
