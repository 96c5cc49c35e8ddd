package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.Geo.Rect;
import io.github.geollava.dataset.synth.LocationPlan.Building;
import io.github.geollava.dataset.synth.LocationPlan.Craft;
import io.github.geollava.dataset.synth.LocationPlan.Field;
import io.github.geollava.dataset.synth.LocationPlan.Lot;
import io.github.geollava.dataset.synth.LocationPlan.Patch;
import io.github.geollava.dataset.synth.LocationPlan.PatchKind;
import io.github.geollava.dataset.synth.LocationPlan.Pit;
import io.github.geollava.dataset.synth.LocationPlan.Road;
import io.github.geollava.dataset.synth.LocationPlan.SolarArray;
import io.github.geollava.dataset.synth.LocationPlan.Turbine;
import io.github.geollava.dataset.synth.LocationPlan.Water;
import io.github.geollava.dataset.synth.LocationPlan.WaterKind;
import java.util.ArrayList;
import java.util.List;

/** A location plan under construction, with a free-space test so items never overlap. */
final class PlanDraft {
  final List<Building> buildings = new ArrayList<>();
  final List<Road> roads = new ArrayList<>();
  final List<Patch> patches = new ArrayList<>();
  final List<Field> fields = new ArrayList<>();
  final List<Lot> lots = new ArrayList<>();
  final List<SolarArray> solar = new ArrayList<>();
  final List<Water> waters = new ArrayList<>();
  final List<Pit> pits = new ArrayList<>();
  final List<Turbine> turbines = new ArrayList<>();
  final List<Craft> crafts = new ArrayList<>();

  /** Largest water level multiplier, so nothing is planned where a flood would reach. */
  static final double MAX_WATER_SCALE = 1 + 0.16 * SceneState.MAX_WATER;

  /** Largest pit radius multiplier. */
  static final double MAX_PIT_SCALE = 1 + 0.22 * SceneState.MAX_MINE;

  /** Whether a rectangle is clear of every planned item (patches of bare soil included). */
  boolean free(Rect r, double pad) {
    return free(r, pad, true);
  }

  /**
   * Whether a rectangle is clear of planned items; slabs and bare soil may be ignored so that
   * construction-site buildings can be planned on their foundations.
   */
  boolean free(Rect r, double pad, boolean patchesBlock) {
    for (Building b : buildings) {
      if (b.r().intersects(r, pad)) {
        return false;
      }
    }
    for (Road road : roads) {
      if (Geo.segmentHitsRect(road.x0(), road.y0(), road.x1(), road.y1(), road.width() / 2, r, pad)) {
        return false;
      }
    }
    if (patchesBlock) {
      for (Patch p : patches) {
        if (p.r().intersects(r, pad)) {
          return false;
        }
      }
    } else {
      for (Patch p : patches) {
        if (p.kind() != PatchKind.SLAB && p.kind() != PatchKind.BARE_SOIL && p.r().intersects(r, pad)) {
          return false;
        }
      }
    }
    for (Field f : fields) {
      if (f.r().intersects(r, pad)) {
        return false;
      }
    }
    for (Lot l : lots) {
      if (l.r().intersects(r, pad)) {
        return false;
      }
    }
    for (SolarArray s : solar) {
      if (s.r().intersects(r, pad)) {
        return false;
      }
    }
    for (Pit p : pits) {
      double rad = p.r0() * MAX_PIT_SCALE + pad;
      if (r.grow(rad).contains(p.cx(), p.cy())) {
        return false;
      }
    }
    for (Turbine t : turbines) {
      if (r.grow(pad + t.rotor() / 2).contains(t.x(), t.y())) {
        return false;
      }
    }
    for (Water w : waters) {
      if (wet(w, r, pad)) {
        return false;
      }
    }
    return true;
  }

  private static boolean wet(Water w, Rect r, double pad) {
    double s = MAX_WATER_SCALE * 1.15;
    for (int i = 0; i <= 4; i++) {
      for (int j = 0; j <= 4; j++) {
        double x = r.x0() - pad + (r.width() + 2 * pad) * i / 4;
        double y = r.y0() - pad + (r.height() + 2 * pad) * j / 4;
        if (SceneRenderer.waterDistance(w, x, y, s) < 0) {
          return true;
        }
      }
    }
    return false;
  }

  int addBuilding(Building b, double pad) {
    // Only buildings wholly in view, so that any claim about them is visible whatever the shift.
    if (!b.r().inside(0.02, 0.98) || !free(b.r(), pad)) {
      return -1;
    }
    buildings.add(b);
    return buildings.size() - 1;
  }

  LocationPlan build(Rect focus) {
    return new LocationPlan(buildings, roads, patches, fields, lots, solar, waters, pits, turbines,
        crafts, focus);
  }

  /** Mirror (x to 1 - x) and/or transpose (swap x and y), for orientation variety. */
  static LocationPlan orient(LocationPlan p, boolean mirror, boolean transpose) {
    if (!mirror && !transpose) {
      return p;
    }
    List<Building> bs = new ArrayList<>();
    for (Building b : p.buildings()) {
      LocationPlan.Roof roof = b.roof();
      if (transpose && roof != LocationPlan.Roof.FLAT) {
        roof = roof == LocationPlan.Roof.GABLE_H ? LocationPlan.Roof.GABLE_V : LocationPlan.Roof.GABLE_H;
      }
      bs.add(new Building(rect(b.r(), mirror, transpose), b.height(), roof, b.rgb(), b.use(),
          b.initial(), b.requiresRoad()));
    }
    List<Road> rs = new ArrayList<>();
    for (Road r : p.roads()) {
      double[] a = pt(r.x0(), r.y0(), mirror, transpose);
      double[] b = pt(r.x1(), r.y1(), mirror, transpose);
      rs.add(new Road(a[0], a[1], b[0], b[1], r.width(), r.kind(), r.initial()));
    }
    List<Patch> ps = new ArrayList<>();
    for (Patch x : p.patches()) {
      ps.add(new Patch(rect(x.r(), mirror, transpose), x.kind(), x.round()));
    }
    List<Field> fs = new ArrayList<>();
    for (Field f : p.fields()) {
      fs.add(new Field(rect(f.r(), mirror, transpose), f.rowsVertical() ^ transpose, f.initialCrop()));
    }
    List<Lot> ls = new ArrayList<>();
    for (Lot l : p.lots()) {
      ls.add(new Lot(rect(l.r(), mirror, transpose), l.rowsVertical() ^ transpose));
    }
    List<SolarArray> ss = new ArrayList<>();
    for (SolarArray s : p.solar()) {
      ss.add(new SolarArray(rect(s.r(), mirror, transpose), s.initial()));
    }
    List<Water> ws = new ArrayList<>();
    for (Water w : p.waters()) {
      double[] c = pt(w.cx(), w.cy(), mirror, transpose);
      WaterKind k = w.kind();
      if (transpose && k == WaterKind.RIVER_V) {
        k = WaterKind.RIVER_H;
      } else if (transpose && k == WaterKind.RIVER_H) {
        k = WaterKind.RIVER_V;
      } else if (transpose && k == WaterKind.SEA_SOUTH) {
        throw new IllegalStateException("a southern sea cannot be transposed");
      }
      boolean swapRadii = transpose && k == WaterKind.LAKE;
      ws.add(new Water(k, c[0], c[1], swapRadii ? w.ry() : w.rx(), swapRadii ? w.rx() : w.ry()));
    }
    List<Pit> pits = new ArrayList<>();
    for (Pit x : p.pits()) {
      double[] c = pt(x.cx(), x.cy(), mirror, transpose);
      pits.add(new Pit(c[0], c[1], x.r0()));
    }
    List<Turbine> ts = new ArrayList<>();
    for (Turbine t : p.turbines()) {
      double[] c = pt(t.x(), t.y(), mirror, transpose);
      ts.add(new Turbine(c[0], c[1], t.rotor(), t.rotorVertical() ^ transpose));
    }
    List<Craft> cs = new ArrayList<>();
    for (Craft c : p.crafts()) {
      double[] xy = pt(c.x(), c.y(), mirror, transpose);
      cs.add(new Craft(c.kind(), xy[0], xy[1], c.length(), c.vertical() ^ transpose, c.rgb()));
    }
    return new LocationPlan(bs, rs, ps, fs, ls, ss, ws, pits, ts, cs,
        rect(p.focus(), mirror, transpose));
  }

  private static double[] pt(double x, double y, boolean mirror, boolean transpose) {
    double mx = mirror ? 1 - x : x;
    return transpose ? new double[] {y, mx} : new double[] {mx, y};
  }

  private static Rect rect(Rect r, boolean mirror, boolean transpose) {
    double[] a = pt(r.x0(), r.y0(), mirror, transpose);
    double[] b = pt(r.x1(), r.y1(), mirror, transpose);
    return new Rect(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]),
        Math.max(a[1], b[1]));
  }
}
