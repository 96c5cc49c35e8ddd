package io.github.geollava.metrics.bleu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class PyNumTest {

  @Test
  void pythonTypePromotion() {
    PyNum half = PyNum.fraction(1, 2);
    assertThat(half.add(PyNum.ofInt(1)).kind).isEqualTo(PyNum.Kind.FRACTION);
    assertThat(half.add(PyNum.ofFloat(0.25)).kind).isEqualTo(PyNum.Kind.FLOAT);
    PyNum intDiv = PyNum.ofInt(1).div(PyNum.ofInt(3));
    assertThat(intDiv.kind).isEqualTo(PyNum.Kind.FLOAT);
    assertThat(intDiv.toDouble()).isEqualTo(1.0 / 3);
    assertThat(half.add(PyNum.fraction(1, 3)).div(PyNum.ofInt(3)).toDouble())
        .isEqualTo(5.0 / 18);
  }

  @Test
  void bigRatiosRoundCorrectly() {
    BigInteger n = BigInteger.TEN.pow(40).add(BigInteger.ONE);
    BigInteger d = BigInteger.valueOf(3).multiply(BigInteger.TEN.pow(39));
    double expected =
        new BigDecimal(n).divide(new BigDecimal(d), new MathContext(60)).doubleValue();
    assertThat(PyNum.ratio(n, d)).isEqualTo(expected);
    assertThat(PyNum.ratio(BigInteger.ONE.shiftLeft(80), BigInteger.ONE.shiftLeft(79))).isEqualTo(2.0);
  }
}
