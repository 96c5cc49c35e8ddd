package io.github.geollava.dataset.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.dataset.synth.Geo.Rect;
import io.github.geollava.dataset.synth.SimulatedLocation.Acquisition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every change claim holds in the pixels, and every absent claim means no such pixel change: for all
 * pairs (i before j) of 112 locations, the canonical renders (labels and colours, before nuisance) are
 * compared per event.
 */
class SceneDiffTest {
  private static final int SIZE = 128;

  /** A canonical render: labels and colours of the image area. */
  private record View(byte[] labels, float[] r, float[] g, float[] b, Canvas canvas) {}

  private static View view(SimulatedLocation l, SceneRenderer.Textures t, Acquisition a) {
    Canvas c = new Canvas(SIZE);
    // Fixed sun, so that colour comparisons see only the state.
    SceneRenderer.render(c, t, l.profile(), l.plan(), a.state(), 180, 45);
    float[] r = new float[SIZE * SIZE];
    float[] g = new float[SIZE * SIZE];
    float[] b = new float[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int i = (y + c.margin) * c.w + x + c.margin;
        r[y * SIZE + x] = c.r[i];
        g[y * SIZE + x] = c.g[i];
        b[y * SIZE + x] = c.b[i];
      }
    }
    return new View(c.cropLabels(), r, g, b, c);
  }

  /** Pixels of class k in b that are not k in a. */
  private static int gained(View a, View b, byte k) {
    int n = 0;
    for (int i = 0; i < a.labels().length; i++) {
      n += b.labels()[i] == k && a.labels()[i] != k ? 1 : 0;
    }
    return n;
  }

  @Test
  void everyClaimHoldsInThePixelsAndNothingElseChanges() {
    int pairs = 0;
    for (int loc = 0; loc < 112; loc++) {
      SimulatedLocation l = SimulatedLocation.simulate(5, loc, loc / 14);
      Canvas probe = new Canvas(SIZE);
      SceneRenderer.Textures t = new SceneRenderer.Textures(l.profile().textureSeed(), probe.w,
          SIZE);
      List<Acquisition> acqs = l.acquisitions();
      View[] views = new View[acqs.size()];
      for (int k = 0; k < acqs.size(); k++) {
        views[k] = view(l, t, acqs.get(k));
      }
      for (int i = 0; i < acqs.size(); i++) {
        for (int j = i + 1; j < acqs.size(); j++) {
          check(l, acqs.get(i), acqs.get(j), views[i], views[j]);
          pairs++;
        }
      }
    }
    assertThat(pairs).isGreaterThan(300);
  }

  private static void check(SimulatedLocation l, Acquisition a, Acquisition b, View va, View vb) {
    List<ChangeEvent> ev = SceneDiff.events(l.plan(), a.state(), b.state());
    String what = l.profile().locationName() + " " + a.order() + "->" + b.order() + " " + ev;
    int minPixels = 12;

    int newBuilding = gained(va, vb, Labels.BUILDING);
    int goneBuilding = gained(vb, va, Labels.BUILDING);
    if (ev.contains(ChangeEvent.NEW_BUILDINGS)) {
      assertThat(newBuilding).as("new building pixels, " + what).isGreaterThan(minPixels);
    } else {
      assertThat(newBuilding).as("no new building pixels, " + what).isZero();
    }
    if (ev.contains(ChangeEvent.DEMOLITION)) {
      assertThat(goneBuilding).as("demolished building pixels, " + what).isGreaterThan(minPixels);
    } else {
      assertThat(goneBuilding).as("no removed building pixels, " + what).isZero();
    }

    int newRoad = gained(va, vb, Labels.ROAD);
    if (ev.contains(ChangeEvent.NEW_ROADS)) {
      assertThat(newRoad).as("new road pixels, " + what).isGreaterThan(minPixels);
    } else {
      assertThat(newRoad).as("no new road pixels, " + what).isZero();
    }

    // Trees: compare only where both images have open land or trees (new buildings clear trees).
    int eligible = 0;
    int treesA = 0;
    int treesB = 0;
    for (int i = 0; i < va.labels().length; i++) {
      byte x = va.labels()[i];
      byte y = vb.labels()[i];
      if ((x == Labels.GROUND || x == Labels.TREE) && (y == Labels.GROUND || y == Labels.TREE)) {
        eligible++;
        treesA += x == Labels.TREE ? 1 : 0;
        treesB += y == Labels.TREE ? 1 : 0;
      }
    }
    if (eligible > 500) {
      double delta = (treesB - treesA) / (double) eligible;
      if (ev.contains(ChangeEvent.VEGETATION_GROWTH)) {
        assertThat(delta).as("tree share gain, " + what).isGreaterThan(0.04);
      } else if (ev.contains(ChangeEvent.VEGETATION_LOSS)) {
        assertThat(delta).as("tree share loss, " + what).isLessThan(-0.04);
      } else {
        assertThat(treesB).as("same trees, " + what).isEqualTo(treesA);
      }
    }

    int waterA = Labels.count(va.labels(), Labels.WATER);
    int waterB = Labels.count(vb.labels(), Labels.WATER);
    if (ev.contains(ChangeEvent.WATER_RISE)) {
      assertThat(waterB).as("more water, " + what).isGreaterThan((int) (waterA * 1.05));
    } else if (ev.contains(ChangeEvent.WATER_DROP)) {
      assertThat(waterB).as("less water, " + what).isLessThan((int) (waterA * 0.95));
    } else {
      assertThat(waterB).as("same water, " + what).isEqualTo(waterA);
    }

    int carsA = Labels.count(va.labels(), Labels.CAR);
    int carsB = Labels.count(vb.labels(), Labels.CAR);
    if (ev.contains(ChangeEvent.MORE_VEHICLES)) {
      assertThat(carsB).as("more car pixels, " + what).isGreaterThan(carsA + minPixels);
    } else if (ev.contains(ChangeEvent.FEWER_VEHICLES)) {
      assertThat(carsB).as("fewer car pixels, " + what).isLessThan(carsA - minPixels);
    } else {
      assertThat(carsB).as("same cars, " + what).isEqualTo(carsA);
    }

    int solar = gained(va, vb, Labels.SOLAR);
    if (ev.contains(ChangeEvent.NEW_SOLAR_PANELS)) {
      assertThat(solar).as("new panel pixels, " + what).isGreaterThan(minPixels * 10);
    } else {
      assertThat(solar).as("no new panel pixels, " + what).isZero();
    }

    int pit = gained(va, vb, Labels.PIT);
    if (ev.contains(ChangeEvent.MINE_EXPANSION)) {
      assertThat(pit).as("new pit pixels, " + what).isGreaterThan(minPixels * 10);
    } else {
      assertThat(pit).as("no new pit pixels, " + what).isZero();
    }

    double[] groundA = meanOfGround(va, vb);
    double[] groundB = meanOfGround(vb, va);
    if (groundA != null && groundB != null) {
      double d = Math.abs(groundA[0] - groundB[0]) + Math.abs(groundA[1] - groundB[1])
          + Math.abs(groundA[2] - groundB[2]);
      if (ev.contains(ChangeEvent.SEASONAL_CHANGE)) {
        assertThat(d).as("ground colour change, " + what).isGreaterThan(30);
      } else {
        assertThat(d).as("same ground colour, " + what).isLessThan(1e-3);
      }
    }

    if (ev.contains(ChangeEvent.CROP_ROTATION)) {
      double best = 0;
      for (int f : SceneDiff.changedFields(a.state(), b.state())) {
        Rect r = l.plan().fields().get(f).r();
        double[] ma = meanIn(va, r);
        double[] mb = meanIn(vb, r);
        if (ma != null && mb != null) {
          best = Math.max(best, Math.abs(ma[0] - mb[0]) + Math.abs(ma[1] - mb[1])
              + Math.abs(ma[2] - mb[2]));
        }
      }
      assertThat(best).as("a field changes colour, " + what).isGreaterThan(30);
    }
  }

  /**
   * Mean colour of v over open ground that is at least 9 px from anything else in both v and other,
   * and from the border (objects outside cast shadows in), so that no cast shadow (at most 8 px
   * long under the fixed 45 degree sun) reaches it.
   */
  private static double[] meanOfGround(View v, View other) {
    int[] integral = new int[(SIZE + 1) * (SIZE + 1)];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int i = y * SIZE + x;
        int object = v.labels()[i] != Labels.GROUND || other.labels()[i] != Labels.GROUND ? 1 : 0;
        integral[(y + 1) * (SIZE + 1) + x + 1] = object + integral[y * (SIZE + 1) + x + 1]
            + integral[(y + 1) * (SIZE + 1) + x] - integral[y * (SIZE + 1) + x];
      }
    }
    int rad = 9;
    double[] s = new double[3];
    int n = 0;
    for (int i = 0; i < v.labels().length; i++) {
      int x = i % SIZE;
      int y = i / SIZE;
      int x0 = Math.max(0, x - rad);
      int y0 = Math.max(0, y - rad);
      int x1 = Math.min(SIZE, x + rad + 1);
      int y1 = Math.min(SIZE, y + rad + 1);
      int objects = integral[y1 * (SIZE + 1) + x1] - integral[y0 * (SIZE + 1) + x1]
          - integral[y1 * (SIZE + 1) + x0] + integral[y0 * (SIZE + 1) + x0];
      boolean nearBorder = x < rad || y < rad || x >= SIZE - rad || y >= SIZE - rad;
      if (objects == 0 && !nearBorder) {
        s[0] += v.r()[i];
        s[1] += v.g()[i];
        s[2] += v.b()[i];
        n++;
      }
    }
    return n < 200 ? null : new double[] {s[0] / n, s[1] / n, s[2] / n};
  }

  private static double[] meanIn(View v, Rect r) {
    double[] s = new double[3];
    int n = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int i = y * SIZE + x;
        double u = (x + 0.5) / SIZE;
        double w = (y + 0.5) / SIZE;
        if (v.labels()[i] == Labels.FIELD && r.contains(u, w)) {
          s[0] += v.r()[i];
          s[1] += v.g()[i];
          s[2] += v.b()[i];
          n++;
        }
      }
    }
    return n < 50 ? null : new double[] {s[0] / n, s[1] / n, s[2] / n};
  }
}
