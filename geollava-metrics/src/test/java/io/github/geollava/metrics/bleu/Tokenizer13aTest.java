package io.github.geollava.metrics.bleu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Tokenizer13aTest {

  private final Tokenizer13a t = new Tokenizer13a();

  @Test
  void isolatesPunctuationButKeepsNumbersAndApostrophes() {
    assertThat(t.apply("It's 3.5 km, (roughly).")).isEqualTo("It's 3.5 km , ( roughly ) .");
    assertThat(t.apply("1,000 people")).isEqualTo("1,000 people");
    assertThat(t.apply("pages 1-2")).isEqualTo("pages 1 - 2");
  }

  @Test
  void unescapesEntitiesAndJoinsHyphenatedLines() {
    assertThat(t.apply("a&amp;b &quot;c&quot;")).isEqualTo("a & b \" c \"");
    assertThat(t.apply("build-\ning<skipped>\nnext")).isEqualTo("building next");
  }
}
