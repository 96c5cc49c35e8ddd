package io.github.geollava.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonTextTest {

  @Test
  void splitUsesPythonWhitespace() {
    assertThat(PythonText.split("  a\tb\u001fc\u0085d\u2028e\u200bf  ")).containsExactly("a", "b", "c", "d", "e\u200bf");
    assertThat(PythonText.split("")).isEmpty();
    assertThat(PythonText.split(" \u3000 ")).isEmpty();
  }

  @Test
  void stripRemovesPythonWhitespace() {
    assertThat(PythonText.strip("\u00a0 x y \n")).isEqualTo("x y");
  }
}
