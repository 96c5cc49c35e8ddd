package io.github.geollava.dataset.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.dataset.synth.SimulatedLocation.Acquisition;
import org.junit.jupiter.api.Test;

/** Single-image descriptions are checked against the canonical render of the image they describe. */
class SceneDescriberTest {
  private static final int SIZE = 96;

  @Test
  void treeAndParkingWordsMatchThePixels() {
    int checked = 0;
    for (int loc = 0; loc < 70; loc++) {
      SimulatedLocation l = SimulatedLocation.simulate(9, loc, loc / 14);
      Canvas c = new Canvas(SIZE);
      SceneRenderer.Textures t = new SceneRenderer.Textures(l.profile().textureSeed(), c.w, SIZE);
      for (Acquisition a : l.acquisitions()) {
        SceneRenderer.render(c, t, l.profile(), l.plan(), a.state(), 180, 45);
        byte[] labels = c.cropLabels();
        String text = SceneDescriber.describe(l.profile(), l.plan(), a.state(), a.nuisance(), 0,
            SplitMix.of(9, loc, 10, a.order()));
        int open = 0;
        int trees = 0;
        int lot = 0;
        int cars = 0;
        for (byte b : labels) {
          open += b == Labels.GROUND || b == Labels.TREE ? 1 : 0;
          trees += b == Labels.TREE ? 1 : 0;
          lot += b == Labels.LOT || b == Labels.CAR ? 1 : 0;
          cars += b == Labels.CAR ? 1 : 0;
        }
        String what = l.profile().locationName() + " " + a.order() + ": " + text;
        if (open > 1500) {
          double share = trees / (double) open;
          if (text.contains("trees are sparse")) {
            assertThat(share).as(what).isLessThan(0.22);
          } else if (text.contains("dense tree cover")) {
            assertThat(share).as(what).isGreaterThan(0.3);
          } else {
            assertThat(text).as(what).contains("scattered trees");
            assertThat(share).as(what).isBetween(0.1, 0.5);
          }
          checked++;
        }
        if (lot > 400) {
          double share = cars / (double) lot;
          if (text.contains("nearly empty")) {
            assertThat(share).as(what).isLessThan(0.1);
          } else if (text.contains("almost full")) {
            assertThat(share).as(what).isGreaterThan(0.25);
          }
        }
        if (text.contains("Snow covers") || text.contains("blanketed in snow")) {
          assertThat(a.state().look).isEqualTo(SceneState.Look.SNOW);
        }
      }
    }
    assertThat(checked).isGreaterThan(150);
  }
}
