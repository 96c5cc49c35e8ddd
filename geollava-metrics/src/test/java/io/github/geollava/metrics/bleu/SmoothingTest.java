package io.github.geollava.metrics.bleu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmoothingTest {

  private static List<PyNum> p(long... nd) {
    List<PyNum> out = new ArrayList<>();
    for (int i = 0; i < nd.length; i += 2) {
      out.add(PyNum.fraction(nd[i], nd[i + 1]));
    }
    return out;
  }

  @Test
  void method1AddsEpsilonToZeroCounts() {
    List<PyNum> ps = p(3, 4, 0, 3);
    Smoothing.METHOD1.apply(ps, List.of(), List.of(), 4);
    assertThat(ps.get(0).toDouble()).isEqualTo(0.75);
    assertThat(ps.get(1).toDouble()).isEqualTo(0.1 / 3);
  }

  @Test
  void method2AddsOneFromBigramsOn() {
    List<PyNum> ps = p(3, 4, 0, 3);
    Smoothing.of(2).apply(ps, List.of(), List.of(), 4);
    assertThat(ps.get(0).toDouble()).isEqualTo(0.75);
    assertThat(ps.get(1).toDouble()).isEqualTo(0.25);
  }

  @Test
  void method3HalvesSuccessiveZeroes() {
    List<PyNum> ps = p(3, 4, 0, 3, 0, 2);
    Smoothing.of(3).apply(ps, List.of(), List.of(), 4);
    assertThat(ps.get(1).toDouble()).isEqualTo(1.0 / 6);
    assertThat(ps.get(2).toDouble()).isEqualTo(1.0 / 8);
  }

  @Test
  void method4UsesLogLength() {
    List<PyNum> ps = p(3, 4, 0, 3);
    Smoothing.of(4).apply(ps, List.of(), List.of("a", "b", "c", "d"), 4);
    assertThat(ps.get(1).toDouble()).isEqualTo(1 / (2 * 5 / Math.log(4)) / 3);
  }

  @Test
  void rejectsUnknownMethod() {
    assertThatThrownBy(() -> Smoothing.of(8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8");
  }
}
