package io.github.geollava.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordFrequenciesTest {

  @Test
  void wordsAreLowerCasedLettersOnlyWithoutStopwords() {
    assertThat(WordFrequencies.words("Image 1: The NEW 2-lane road, and a car's roof!"))
        .containsExactly("new", "lane", "road", "car", "roof");
    assertThat(WordFrequencies.words(null)).isEmpty();
    assertThat(WordFrequencies.words("  \n ")).isEmpty();
  }

  @Test
  void countsOrderByFrequencyThenAlphabet() {
    WordFrequencies f = WordFrequencies.of(Arrays.asList(
        "New buildings appear; the buildings are tall.",
        "A road appears near new buildings.",
        null,
        "Trees and a road."));

    assertThat(f.documents()).isEqualTo(4);
    assertThat(f.counts()).containsExactly(
        java.util.Map.entry("buildings", 3),
        java.util.Map.entry("new", 2),
        java.util.Map.entry("road", 2),
        java.util.Map.entry("appear", 1),
        java.util.Map.entry("appears", 1),
        java.util.Map.entry("near", 1),
        java.util.Map.entry("tall", 1),
        java.util.Map.entry("trees", 1));
    assertThat(f.top(3)).containsExactly("buildings", "new", "road");
    assertThat(f.top(100)).hasSize(8);
    assertThat(f.count("buildings")).isEqualTo(3);
    assertThat(f.count("absent")).isZero();
    assertThat(f.perCaption("buildings")).isEqualTo(0.75);
    assertThat(f.total()).isEqualTo(12);
  }

  @Test
  void emptyInputGivesEmptyCounts() {
    WordFrequencies f = WordFrequencies.of(List.of());
    assertThat(f.counts()).isEmpty();
    assertThat(f.perCaption("road")).isZero();
    assertThat(f.top(5)).isEmpty();
  }

  @Test
  void rejectsNegativeTop() {
    assertThatThrownBy(() -> WordFrequencies.of(List.of("road")).top(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }
}
