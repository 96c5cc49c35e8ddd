package io.github.geollava.metrics.bleu;

import java.math.BigInteger;

/**
 * A number with Python's numeric-tower semantics, as NLTK's smoothing code mixes {@code int},
 * unnormalised {@code Fraction} and {@code float}: int and Fraction arithmetic is exact, anything
 * touching a float is a float, int / int is a correctly rounded float, and a Fraction becomes a float
 * by correctly rounded division, so results agree with Python to the last bit.
 */
final class PyNum {

  enum Kind {
    INT,
    FRACTION,
    FLOAT
  }

  final Kind kind;
  final BigInteger num;
  final BigInteger den;
  final double value;

  private PyNum(Kind kind, BigInteger num, BigInteger den, double value) {
    this.kind = kind;
    this.num = num;
    this.den = den;
    this.value = value;
  }

  static PyNum ofInt(long v) {
    return new PyNum(Kind.INT, BigInteger.valueOf(v), BigInteger.ONE, 0);
  }

  /** An unnormalised {@code Fraction(n, d, _normalize=False)}: numerator and denominator kept. */
  static PyNum fraction(long n, long d) {
    return fraction(BigInteger.valueOf(n), BigInteger.valueOf(d));
  }

  static PyNum fraction(BigInteger n, BigInteger d) {
    if (d.signum() == 0) {
      throw new ArithmeticException("Fraction(" + n + ", 0)");
    }
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    return new PyNum(Kind.FRACTION, n, d, 0);
  }

  static PyNum ofFloat(double v) {
    return new PyNum(Kind.FLOAT, null, null, v);
  }

  boolean isFloat() {
    return kind == Kind.FLOAT;
  }

  /** The numerator of an int or Fraction. */
  long numerator() {
    requireExact();
    return num.longValueExact();
  }

  /** The denominator of an int or Fraction. */
  long denominator() {
    requireExact();
    return den.longValueExact();
  }

  private void requireExact() {
    if (kind == Kind.FLOAT) {
      throw new IllegalStateException("a float has no numerator/denominator");
    }
  }

  int signum() {
    return kind == Kind.FLOAT ? (value > 0 ? 1 : value < 0 ? -1 : 0) : num.signum();
  }

  /** Python's {@code float(x)}. */
  double toDouble() {
    return kind == Kind.FLOAT ? value : ratio(num, den);
  }

  PyNum add(PyNum o) {
    if (kind == Kind.FLOAT || o.kind == Kind.FLOAT) {
      return ofFloat(toDouble() + o.toDouble());
    }
    BigInteger n = num.multiply(o.den).add(o.num.multiply(den));
    BigInteger d = den.multiply(o.den);
    return kind == Kind.INT && o.kind == Kind.INT ? ofInt(n.longValueExact()) : normalised(n, d);
  }

  PyNum mul(PyNum o) {
    if (kind == Kind.FLOAT || o.kind == Kind.FLOAT) {
      return ofFloat(toDouble() * o.toDouble());
    }
    BigInteger n = num.multiply(o.num);
    BigInteger d = den.multiply(o.den);
    return kind == Kind.INT && o.kind == Kind.INT ? ofInt(n.longValueExact()) : normalised(n, d);
  }

  /** Python's true division {@code /}. */
  PyNum div(PyNum o) {
    if (kind == Kind.FLOAT || o.kind == Kind.FLOAT) {
      return ofFloat(toDouble() / o.toDouble());
    }
    if (kind == Kind.INT && o.kind == Kind.INT) {
      return ofFloat(ratio(num, o.num));
    }
    if (o.num.signum() == 0) {
      throw new ArithmeticException("Fraction division by zero");
    }
    return normalised(num.multiply(o.den), den.multiply(o.num));
  }

  PyNum square() {
    return kind == Kind.FLOAT ? ofFloat(value * value) : mul(this);
  }

  /** Fraction arithmetic results are normalised by Python (gcd-reduced, positive denominator). */
  private static PyNum normalised(BigInteger n, BigInteger d) {
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    BigInteger g = n.gcd(d);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      n = n.divide(g);
      d = d.divide(g);
    }
    return new PyNum(Kind.FRACTION, n, d, 0);
  }

  /** Correctly rounded (half-even) {@code n / d}, as Python's int true division. */
  static double ratio(BigInteger n, BigInteger d) {
    if (d.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    int sign = n.signum() * d.signum();
    n = n.abs();
    d = d.abs();
    if (n.signum() == 0) {
      return 0.0;
    }
    if (n.bitLength() <= 53 && d.bitLength() <= 53) {
      return sign * (n.doubleValue() / d.doubleValue());
    }
    int shift = Math.max(0, d.bitLength() - n.bitLength() + 55);
    BigInteger[] qr = n.shiftLeft(shift).divideAndRemainder(d);
    BigInteger q = qr[0];
    boolean sticky = qr[1].signum() != 0;
    int excess = q.bitLength() - 53;
    BigInteger mant = q;
    if (excess > 0) {
      mant = q.shiftRight(excess);
      BigInteger rest = q.subtract(mant.shiftLeft(excess));
      BigInteger half = BigInteger.ONE.shiftLeft(excess - 1);
      int c = rest.compareTo(half);
      if (c > 0 || (c == 0 && (sticky || mant.testBit(0)))) {
        mant = mant.add(BigInteger.ONE);
      }
    } else {
      excess = 0;
    }
    return sign * Math.scalb(mant.doubleValue(), excess - shift);
  }

  @Override
  public String toString() {
    return kind == Kind.FLOAT ? Double.toString(value) : num + "/" + den;
  }
}
