package io.github.geollava.metrics.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RougeTokenizerTest {

  @Test
  void lowerCasesAndSplitsOnNonAlphanumerics() {
    RougeTokenizer t = new RougeTokenizer(false);
    assertThat(t.tokenize("Hello, World! It's 2024...ok"))
        .containsExactly("hello", "world", "it", "s", "2024", "ok");
  }

  @Test
  void stemsOnlyTokensLongerThanThree() {
    RougeTokenizer t = new RougeTokenizer(true);
    assertThat(t.tokenize("The buildings were DEMOLISHED; flies ties cat"))
        .containsExactly("the", "build", "were", "demolish", "fli", "tie", "cat");
  }

  @Test
  void nonAsciiFollowsPythonLowerThenAsciiFilter() {
    RougeTokenizer t = new RougeTokenizer(false);
    // U+0130 lowers to "i" + U+0307, the combining dot separates; the Kelvin sign lowers to "k".
    assertThat(t.tokenize("\u0130stanbul 5\u212A café naïve 東京"))
        .containsExactly("i", "stanbul", "5k", "caf", "na", "ve");
  }

  @Test
  void emptyAndPunctuationOnlyGiveNoTokens() {
    RougeTokenizer t = new RougeTokenizer(true);
    assertThat(t.tokenize("")).isEmpty();
    assertThat(t.tokenize(" ...!?;  ")).isEmpty();
  }
}
