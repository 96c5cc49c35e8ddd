package io.github.geollava.dataset.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.dataset.synth.SimulatedLocation.Acquisition;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeEventDetectorTest {

  /**
   * Every caption of every pair (i before j, not only the chained ones) of 280 locations: the
   * detector recovers exactly the true events, and the caption has 80 to 200 words.
   */
  @Test
  void recoversExactlyTheTrueEventsFromEveryCaption() {
    int captions = 0;
    EnumSet<ChangeEvent> seen = EnumSet.noneOf(ChangeEvent.class);
    for (int loc = 0; loc < 280; loc++) {
      SimulatedLocation l = SimulatedLocation.simulate(11, loc, loc / 14);
      List<Acquisition> acqs = l.acquisitions();
      for (int i = 0; i < acqs.size(); i++) {
        for (int j = i + 1; j < acqs.size(); j++) {
          Acquisition a = acqs.get(i);
          Acquisition b = acqs.get(j);
          List<ChangeEvent> truth = SceneDiff.events(l.plan(), a.state(), b.state());
          String caption = CaptionWriter.pairCaption(l.profile(), l.plan(),
              new CaptionWriter.Side(a.state(), a.nuisance(), (i * 7) % 12),
              new CaptionWriter.Side(b.state(), b.nuisance(), (j * 5) % 12), truth,
              SplitMix.of(11, loc, 8, i, j));
          assertThat(ChangeEventDetector.detect(caption))
              .as("caption of %s %d-%d: %s", l.profile().locationName(), i, j, caption)
              .isEqualTo(truth.isEmpty() ? EnumSet.noneOf(ChangeEvent.class) : EnumSet.copyOf(truth));
          assertThat(ChangeEventDetector.exactMatch(caption, truth)).isTrue();
          assertThat(Phrases.words(caption)).as(caption).isBetween(80, 200);
          assertThat(caption).startsWith("Image 1: ").contains("\nImage 2: ")
              .contains("\nChanges Between the Images: ");
          seen.addAll(truth);
          captions++;
        }
      }
    }
    assertThat(captions).isGreaterThan(1500);
    assertThat(seen).as("every event occurs somewhere").containsExactlyInAnyOrder(
        ChangeEvent.values());
  }

  @Test
  void readsOnlyTheChangesSectionWhenPresent() {
    String caption = "Image 1: Snow covers new houses and more trees. Image 2: The same.\n"
        + "Changes Between the Images: Fewer cars are parked, and the water has receded.";
    assertThat(ChangeEventDetector.detect(caption))
        .containsExactly(ChangeEvent.WATER_DROP, ChangeEvent.FEWER_VEHICLES);
    assertThat(ChangeEventDetector.changesSection(caption))
        .isEqualTo(" Fewer cars are parked, and the water has receded.");
  }

  @Test
  void readsFreeTextVariantsAModelMayWrite() {
    Set<ChangeEvent> named = ChangeEventDetector.detect(
        "Two new warehouses were added; the river is flooding and a new road crosses the site. "
            + "Parts of the forest show deforestation and the mine has expanded.");
    assertThat(named).containsExactly(ChangeEvent.NEW_BUILDINGS, ChangeEvent.NEW_ROADS,
        ChangeEvent.VEGETATION_LOSS, ChangeEvent.WATER_RISE, ChangeEvent.MINE_EXPANSION);
  }

  @Test
  void namesNothingForUnchangedOrEmptyText() {
    assertThat(ChangeEventDetector.detect("Changes Between the Images: No significant changes are "
        + "visible between the two images.")).isEmpty();
    assertThat(ChangeEventDetector.detect(null)).isEmpty();
    assertThat(ChangeEventDetector.detect("  ")).isEmpty();
  }
}
