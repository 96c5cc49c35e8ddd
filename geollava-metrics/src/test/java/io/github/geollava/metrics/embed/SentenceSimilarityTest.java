package io.github.geollava.metrics.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceSimilarityTest {

  static OnnxTextEncoder encoder;
  static SentenceSimilarity sim;

  @BeforeAll
  static void load() throws IOException {
    encoder = OnnxTextEncoder.allMiniLmL6V2();
    sim = new SentenceSimilarity(encoder);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void identicalSentencesScoreOne() {
    assertThat(sim.similarity("New houses were built near the river.", "New houses were built near the river."))
        .isCloseTo(1.0, within(1e-6));
  }

  @Test
  void paraphrasesBeatUnrelatedSentences() {
    String a = "A new road was constructed through the forest.";
    double para = sim.similarity(a, "Workers built a new road across the woods.");
    double unrelated = sim.similarity(a, "The stock market fell sharply on Monday.");
    assertThat(para).isGreaterThan(unrelated + 0.2);
  }

  @Test
  void embeddingsAreMeanPooledOverAllTokens() {
    double[][] e = sim.embed(List.of("a building"));
    assertThat(e[0]).hasSize(384);
    TokenStates s = encoder.encode(List.of("a building")).get(0);
    double first = 0;
    for (int t = 0; t < s.length(); t++) {
      first += s.states()[t * 384];
    }
    assertThat(e[0][0]).isCloseTo(first / s.length(), within(1e-6));
  }

  @Test
  void pairwiseScoresMatchSingleCallsAndHandleBadTexts() {
    List<String> c = List.of("new buildings", "", "!!!", "東京の建物");
    List<String> r = List.of("buildings were added", "x", "!!!", "東京の建物");
    double[] s = sim.score(c, r);
    assertThat(s[0]).isCloseTo(sim.similarity(c.get(0), r.get(0)), within(1e-5));
    assertThat(s[2]).isCloseTo(1.0, within(1e-6));
    assertThat(s[3]).isCloseTo(1.0, within(1e-6));
    assertThat(s[1]).isFinite();
  }

  @Test
  void cosineOfOrthogonalAndZeroVectors() {
    assertThat(SentenceSimilarity.cosine(new double[] {1, 0}, new double[] {0, 2})).isZero();
    assertThat(SentenceSimilarity.cosine(new double[] {0, 0}, new double[] {0, 2})).isZero();
  }
}
