package io.github.geollava.examples.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.dataset.synth.ChangeEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventAccuracyTest {

  @Test
  void countsExactMatchesAndMicroPrecisionRecall() {
    Map<String, List<ChangeEvent>> truth = Map.of(
        "a", List.of(ChangeEvent.NEW_ROADS),
        "b", List.of(ChangeEvent.NEW_ROADS, ChangeEvent.SEASONAL_CHANGE),
        "c", List.of());
    List<Prediction> p = List.of(
        new Prediction("a", "r", "Changes Between the Images: A new road has been built."), // exact
        new Prediction("b", "r", "Changes Between the Images: A new road appeared."), // misses season
        new Prediction("c", "r", "Changes Between the Images: Snow covers the ground."), // false season
        new Prediction("d", "r", "no truth for this id"));
    EventAccuracy e = EventAccuracy.of(p, truth);
    assertThat(e.pairs()).isEqualTo(3);
    assertThat(e.exactMatches()).isEqualTo(1);
    assertThat(e.accuracy()).isEqualTo(1.0 / 3);
    assertThat(e.truePositives()).isEqualTo(2);
    assertThat(e.falsePositives()).isEqualTo(1);
    assertThat(e.falseNegatives()).isEqualTo(1);
    assertThat(e.microPrecision()).isEqualTo(2.0 / 3);
    assertThat(e.microRecall()).isEqualTo(2.0 / 3);
    assertThat(e.pairsWithoutTruth()).isEqualTo(1);
    EventAccuracy none = EventAccuracy.of(List.of(), truth);
    assertThat(none.accuracy()).isZero();
    assertThat(none.microPrecision()).isZero();
  }

  @Test
  void readsPairsEventsAndNamesBadLines(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("pairs_events.jsonl");
    Files.writeString(f, "{\"id\":\"a\",\"video\":\"a.mp4\",\"events\":[\"new_roads\",\"demolition\"]}\n\n"
        + "{\"id\":\"b\",\"events\":[]}\n");
    assertThat(EventAccuracy.readPairsEvents(f)).containsExactly(
        Map.entry("a", List.of(ChangeEvent.NEW_ROADS, ChangeEvent.DEMOLITION)), Map.entry("b", List.of()));
    Files.writeString(f, "{\"id\":\"a\",\"events\":[\"new_roads\"]}\n{\"id\":\"b\",\"events\":[\"aliens\"]}\n");
    assertThatThrownBy(() -> EventAccuracy.readPairsEvents(f))
        .isInstanceOf(IOException.class).hasMessageContaining("line 2").hasMessageContaining("'aliens'");
  }
}
