package io.github.geollava.dataset.pairs;

import static io.github.geollava.dataset.pairs.PairsFixture.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.dataset.fmow.FmowImage;
import org.junit.jupiter.api.Test;

class TemporalPairTest {

  @Test
  void videoNameFollowsTheAuthorsConvention() {
    FmowImage a = image("airport_hangar_23", 6, "2015-01-10T10:00:00Z", 1);
    FmowImage b = image("airport_hangar_23", 2, "2016-01-10T10:00:00Z", 1);
    TemporalPair p = TemporalPair.of(a, b);
    assertThat(p.category()).isEqualTo("airport_hangar");
    assertThat(p.locationId()).isEqualTo("airport_hangar_23");
    assertThat(p.id()).isEqualTo("airport_hangar_23_6-airport_hangar_23_2");
    assertThat(p.videoName()).isEqualTo("airport_hangar_23_6-airport_hangar_23_2.mp4");
  }

  @Test
  void rejectsReversedOrMixedPairs() {
    FmowImage a = image("port_1", 0, "2015-01-10T10:00:00Z", 1);
    FmowImage b = image("port_1", 1, "2016-01-10T10:00:00Z", 1);
    FmowImage c = image("port_2", 0, "2017-01-10T10:00:00Z", 1);
    assertThatThrownBy(() -> TemporalPair.of(b, a)).hasMessageContaining("is earlier than first");
    assertThatThrownBy(() -> TemporalPair.of(a, c)).hasMessageStartingWith("locationId:");
  }
}
