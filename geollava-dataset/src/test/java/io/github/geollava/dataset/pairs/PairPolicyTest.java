package io.github.geollava.dataset.pairs;

import static io.github.geollava.dataset.pairs.PairsFixture.ids;
import static io.github.geollava.dataset.pairs.PairsFixture.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.dataset.fmow.FmowImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairPolicyTest {

  // times in order: a, b (+200 d), c (+400 d), d (+401 d), e (+900 d)
  private final List<FmowImage> ordered = List.of(
      image("port_1", 0, "2010-01-01T00:00:00Z", 1),
      image("port_1", 1, "2010-07-20T00:00:00Z", 1),
      image("port_1", 2, "2011-02-05T00:00:00Z", 1),
      image("port_1", 3, "2011-02-06T00:00:00Z", 1),
      image("port_1", 4, "2012-06-19T00:00:00Z", 1));

  @Test
  void chainedJumpsFromEachSecondImage() {
    assertThat(ids(PairPolicy.CHAINED.pair(ordered, MinGap.DEFAULT)))
        .containsExactly("port_1_0-port_1_2", "port_1_2-port_1_4");
  }

  @Test
  void adjacentKeepsOnlyFarEnoughNeighbours() {
    assertThat(ids(PairPolicy.ADJACENT.pair(ordered, MinGap.DEFAULT)))
        .containsExactly("port_1_3-port_1_4");
    assertThat(ids(PairPolicy.ADJACENT.pair(ordered, MinGap.of(Duration.ofDays(1)))))
        .containsExactly("port_1_0-port_1_1", "port_1_1-port_1_2", "port_1_2-port_1_3",
            "port_1_3-port_1_4");
  }

  @Test
  void tinyInputsGiveNoPairs() {
    assertThat(PairPolicy.CHAINED.pair(List.of(), MinGap.DEFAULT)).isEmpty();
    assertThat(PairPolicy.ADJACENT.pair(ordered.subList(0, 1), MinGap.DEFAULT)).isEmpty();
  }

  @Test
  void parsesCommandLineNames() {
    assertThat(PairPolicy.parse("Chained")).isSameAs(PairPolicy.CHAINED);
    assertThat(PairPolicy.parse("adjacent")).isSameAs(PairPolicy.ADJACENT);
    assertThat(PairPolicy.CHAINED).hasToString("chained");
    assertThatThrownBy(() -> PairPolicy.parse("random"))
        .hasMessage("policy: expected chained or adjacent, found 'random'");
  }
}
