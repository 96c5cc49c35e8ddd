package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.Geo.Rect;
import io.github.geollava.dataset.synth.LocationPlan.Building;
import io.github.geollava.dataset.synth.LocationPlan.Craft;
import io.github.geollava.dataset.synth.LocationPlan.CraftKind;
import io.github.geollava.dataset.synth.LocationPlan.Crop;
import io.github.geollava.dataset.synth.LocationPlan.Field;
import io.github.geollava.dataset.synth.LocationPlan.Lot;
import io.github.geollava.dataset.synth.LocationPlan.Patch;
import io.github.geollava.dataset.synth.LocationPlan.PatchKind;
import io.github.geollava.dataset.synth.LocationPlan.Pit;
import io.github.geollava.dataset.synth.LocationPlan.Road;
import io.github.geollava.dataset.synth.LocationPlan.RoadKind;
import io.github.geollava.dataset.synth.LocationPlan.Roof;
import io.github.geollava.dataset.synth.LocationPlan.SolarArray;
import io.github.geollava.dataset.synth.LocationPlan.Turbine;
import io.github.geollava.dataset.synth.LocationPlan.Use;
import io.github.geollava.dataset.synth.LocationPlan.Water;
import io.github.geollava.dataset.synth.LocationPlan.WaterKind;

/** Lays out the plan of a location for its category: what exists at first and what may come later. */
final class SceneFactory {
  private SceneFactory() {}

  /** A plan with the starting levels of the continuous quantities. */
  record Start(LocationPlan plan, int vegetation, int water, int parking) {}

  static final int[] HOUSE_ROOFS = {0x96503C, 0xAF5F41, 0x505055, 0x696E76, 0x785F4B, 0xA09E96};
  static final int[] FLAT_ROOFS = {0xB9B9B4, 0xA0A0A5, 0xBEAF96, 0x6E6E73, 0xC8C8C3};
  static final int[] SHED_ROOFS = {0xD2D4D7, 0xAAB9C8, 0x966450, 0xC0C4C0};
  static final int[] CAR_COLORS = {0xE6E6E6, 0xB4B4B9, 0x28282D, 0xA02828, 0x2D4B8C, 0x787878};

  static Start create(SynthCategory category, SplitMix rng) {
    PlanDraft d = new PlanDraft();
    Start s = switch (category) {
      case AIRPORT -> airport(d, rng);
      case CONSTRUCTION_SITE -> constructionSite(d, rng);
      case CROP_FIELD -> cropField(d, rng);
      case LAKE_OR_POND -> lake(d, rng);
      case ROAD_BRIDGE -> bridge(d, rng);
      case SINGLE_UNIT_RESIDENTIAL -> houses(d, rng);
      case MULTI_UNIT_RESIDENTIAL -> apartments(d, rng);
      case SOLAR_FARM -> solarFarm(d, rng);
      case PARKING_LOT_OR_GARAGE -> parking(d, rng);
      case PARK -> park(d, rng);
      case PORT -> port(d, rng);
      case SURFACE_MINE -> mine(d, rng);
      case WIND_FARM -> windFarm(d, rng);
      case GOLF_COURSE -> golf(d, rng);
    };
    boolean mirror = rng.chance(0.5);
    boolean transpose = category != SynthCategory.PORT && rng.chance(0.5);
    return new Start(PlanDraft.orient(s.plan(), mirror, transpose), s.vegetation(), s.water(),
        s.parking());
  }

  // ---- shared pieces ------------------------------------------------------------------------

  /** Buildings along one side of a horizontal road at y, between x0 and x1. */
  private static void rowOfBuildings(PlanDraft d, SplitMix rng, double y, double roadWidth,
      double x0, double x1, boolean north, double w, double h, Use use, int[] palette,
      double builtProb, int requiresRoad, boolean gable) {
    double x = x0 + rng.uniform(0, w);
    while (x + w < x1) {
      double bw = w * rng.uniform(0.85, 1.1);
      double bh = h * rng.uniform(0.85, 1.1);
      double setback = roadWidth / 2 + rng.uniform(0.018, 0.03);
      double cy = north ? y - setback - bh / 2 : y + setback + bh / 2;
      Rect r = Rect.of(x + bw / 2, cy, bw, bh);
      Roof roof = gable ? (bw >= bh ? Roof.GABLE_H : Roof.GABLE_V) : Roof.FLAT;
      double height = use == Use.HOUSE ? rng.uniform(0.010, 0.016) : rng.uniform(0.02, 0.04);
      boolean initial = requiresRoad < 0 && rng.chance(builtProb);
      d.addBuilding(new Building(r, height, roof, rng.pick(toList(palette)), use, initial,
          requiresRoad), 0.012);
      x += bw + rng.uniform(0.02, 0.045);
    }
  }

  private static java.util.List<Integer> toList(int[] a) {
    java.util.List<Integer> l = new java.util.ArrayList<>(a.length);
    for (int v : a) {
      l.add(v);
    }
    return l;
  }

  /** Scatters standalone buildings on free land; returns how many were placed. */
  private static int scatter(PlanDraft d, SplitMix rng, int n, double wMin, double wMax, Use use,
      int[] palette, Roof roof, boolean initial, double margin) {
    int placed = 0;
    for (int tries = 0; tries < n * 40 && placed < n; tries++) {
      double w = rng.uniform(wMin, wMax);
      double h = w * rng.uniform(0.7, 1.0);
      Rect r = Rect.of(rng.uniform(margin, 1 - margin), rng.uniform(margin, 1 - margin), w, h);
      Roof rf = roof == Roof.FLAT ? Roof.FLAT : (w >= h ? Roof.GABLE_H : Roof.GABLE_V);
      double height = use == Use.HOUSE || use == Use.CABIN || use == Use.PAVILION
          ? rng.uniform(0.010, 0.016) : rng.uniform(0.02, 0.035);
      if (d.addBuilding(new Building(r, height, rf, rng.pick(toList(palette)), use, initial, -1),
          0.02) >= 0) {
        placed++;
      }
    }
    return placed;
  }

  private static void cars(PlanDraft d, SplitMix rng, int n, Rect area, CraftKind kind, int rgb) {
    for (int i = 0; i < n; i++) {
      d.crafts.add(new Craft(kind, rng.uniform(area.x0(), area.x1()),
          rng.uniform(area.y0(), area.y1()), kind == CraftKind.TRUCK ? 0.03 : 0.02,
          rng.chance(0.5), rgb));
    }
  }

  // ---- categories ---------------------------------------------------------------------------

  private static Start airport(PlanDraft d, SplitMix rng) {
    double ry = rng.uniform(0.22, 0.32);
    d.patches.add(new Patch(new Rect(-0.1, ry - 0.04, 1.1, ry + 0.04), PatchKind.RUNWAY, false));
    double ty = ry + rng.uniform(0.1, 0.13);
    d.roads.add(new Road(-0.1, ty, 1.1, ty, 0.025, RoadKind.TAXIWAY, true));
    double ax0 = rng.uniform(0.15, 0.3);
    double ax1 = ax0 + rng.uniform(0.4, 0.5);
    d.roads.add(new Road(ax0 + 0.05, ry, ax0 + 0.05, ty, 0.022, RoadKind.TAXIWAY, true));
    d.roads.add(new Road(ax1 - 0.05, ry, ax1 - 0.05, ty, 0.022, RoadKind.TAXIWAY, true));
    Rect apron = new Rect(ax0, ty + 0.02, ax1, ty + rng.uniform(0.16, 0.2));
    d.patches.add(new Patch(apron, PatchKind.APRON, false));
    Rect terminal = new Rect(ax0 + 0.02, apron.y1() + 0.02, ax1 - 0.04, apron.y1() + 0.09);
    d.buildings.add(new Building(terminal, 0.04, Roof.FLAT, rng.pick(toList(FLAT_ROOFS)),
        Use.TERMINAL, true, -1));
    int planes = rng.range(2, 4);
    for (int i = 0; i < planes; i++) {
      double px = apron.x0() + (i + 0.5) * apron.width() / planes;
      d.crafts.add(new Craft(CraftKind.PLANE, px, apron.cy(), rng.uniform(0.07, 0.1), true,
          0xF0F0F2));
    }
    double roadX = rng.uniform(ax0 + 0.05, ax1 - 0.1);
    d.roads.add(new Road(roadX, terminal.y1() + 0.01, roadX, 1.1, 0.035, RoadKind.HIGHWAY, true));
    Rect lot = new Rect(roadX + 0.04, terminal.y1() + 0.04, roadX + 0.04 + rng.uniform(0.2, 0.28),
        terminal.y1() + 0.04 + rng.uniform(0.12, 0.16));
    if (lot.y1() < 0.98) {
      d.lots.add(new Lot(lot, rng.chance(0.5)));
    }
    // Hangars beside the apron: some stand, some come later; a service road may be built.
    d.roads.add(new Road(ax1 + 0.02, ty + 0.03, 1.1, ty + 0.03, 0.025, RoadKind.STREET,
        rng.chance(0.4)));
    int roadIdx = d.roads.size() - 1;
    for (int i = 0; i < 3; i++) {
      double hx = ax1 + 0.06 + i * 0.11;
      Rect r = new Rect(hx, ty + 0.06, hx + 0.085, ty + 0.06 + rng.uniform(0.07, 0.1));
      boolean initial = d.roads.get(roadIdx).initial() && rng.chance(0.5);
      d.addBuilding(new Building(r, 0.03, Roof.FLAT, rng.pick(toList(SHED_ROOFS)), Use.HANGAR,
          initial, initial ? -1 : roadIdx), 0.01);
    }
    return new Start(d.build(new Rect(0.0, ry - 0.05, 1.0, terminal.y1())), rng.range(0, 2), 0,
        rng.range(0, 3));
  }

  private static Start constructionSite(PlanDraft d, SplitMix rng) {
    Rect site = new Rect(rng.uniform(0.1, 0.2), rng.uniform(0.12, 0.22), rng.uniform(0.75, 0.9),
        rng.uniform(0.72, 0.85));
    double streetY = site.y1() + rng.uniform(0.05, 0.08);
    d.roads.add(new Road(-0.1, streetY, 1.1, streetY, 0.035, RoadKind.STREET, true));
    // Planned paved access road into the site.
    double ax = rng.uniform(site.x0() + 0.15, site.x1() - 0.15);
    d.roads.add(new Road(ax, streetY, ax, site.y0() + 0.05, 0.03, RoadKind.STREET, false));
    d.patches.add(new Patch(site, PatchKind.BARE_SOIL, false));
    int slabs = rng.range(3, 5);
    int built = 0;
    for (int tries = 0; tries < 60 && built < slabs; tries++) {
      double w = rng.uniform(0.1, 0.18);
      double h = rng.uniform(0.08, 0.13);
      Rect r = Rect.of(rng.uniform(site.x0() + w / 2 + 0.02, site.x1() - w / 2 - 0.02),
          rng.uniform(site.y0() + h / 2 + 0.02, site.y1() - h / 2 - 0.02), w, h);
      if (!d.free(r, 0.03, false)) {
        continue;
      }
      d.buildings.add(new Building(r, rng.uniform(0.02, 0.045), Roof.FLAT,
          rng.pick(toList(FLAT_ROOFS)), rng.chance(0.5) ? Use.APARTMENT : Use.OFFICE,
          built == 0 && rng.chance(0.4), -1));
      d.patches.add(new Patch(r.grow(0.01), PatchKind.SLAB, false));
      built++;
    }
    cars(d, rng, rng.range(2, 4), site.grow(-0.05), CraftKind.TRUCK, 0xE6B41E);
    rowOfBuildings(d, rng, streetY, 0.035, -0.05, 1.05, false, 0.06, 0.05, Use.HOUSE, HOUSE_ROOFS,
        0.8, -1, true);
    return new Start(d.build(site), rng.range(1, 3), 0, 0);
  }

  private static Start cropField(PlanDraft d, SplitMix rng) {
    int cols = rng.range(2, 3);
    int rows = rng.range(2, 3);
    double[] xs = cuts(rng, cols);
    double[] ys = cuts(rng, rows);
    Crop[] crops = Crop.values();
    for (int i = 0; i < cols; i++) {
      for (int j = 0; j < rows; j++) {
        Rect r = new Rect(xs[i] + 0.012, ys[j] + 0.012, xs[i + 1] - 0.012, ys[j + 1] - 0.012);
        d.fields.add(new Field(r, rng.chance(0.5), rng.pick(crops)));
      }
    }
    for (int i = 1; i < cols; i++) {
      d.roads.add(new Road(xs[i], -0.1, xs[i], 1.1, 0.018, RoadKind.DIRT, true));
    }
    for (int j = 1; j < rows; j++) {
      d.roads.add(new Road(-0.1, ys[j], 1.1, ys[j], 0.018, RoadKind.DIRT, true));
    }
    return new Start(d.build(new Rect(0.02, 0.02, 0.98, 0.98)), rng.range(0, 2), 0, 0);
  }

  /** Field boundaries spanning slightly beyond the image. */
  private static double[] cuts(SplitMix rng, int n) {
    double[] c = new double[n + 1];
    c[0] = -0.08;
    c[n] = 1.08;
    for (int i = 1; i < n; i++) {
      c[i] = -0.08 + 1.16 * i / n + rng.uniform(-0.06, 0.06);
    }
    return c;
  }

  private static Start lake(PlanDraft d, SplitMix rng) {
    double cx = rng.uniform(0.42, 0.58);
    double cy = rng.uniform(0.4, 0.55);
    double rx = rng.uniform(0.2, 0.27);
    double ry = rng.uniform(0.15, 0.22);
    d.waters.add(new Water(WaterKind.LAKE, cx, cy, rx, ry));
    double roadY = Math.min(0.95, cy + ry * PlanDraft.MAX_WATER_SCALE * 1.15 + 0.06);
    d.roads.add(new Road(-0.1, roadY, 1.1, roadY, 0.03, RoadKind.STREET, true));
    rowOfBuildings(d, rng, roadY, 0.03, 0.0, 1.0, true, 0.05, 0.045, Use.CABIN, HOUSE_ROOFS, 0.5,
        -1, true);
    double sx = rng.chance(0.5) ? 0.08 : 0.92;
    d.roads.add(new Road(sx, roadY, sx, -0.1, 0.025, RoadKind.STREET, false));
    rowOfBuildings(d, rng, 0.04, 0.0, 0.0, 1.0, false, 0.05, 0.045, Use.CABIN, HOUSE_ROOFS, 0.0,
        d.roads.size() - 1, true);
    return new Start(d.build(Rect.of(cx, cy, 2 * rx, 2 * ry)), rng.range(2, 4), rng.range(-1, 1),
        0);
  }

  private static Start bridge(PlanDraft d, SplitMix rng) {
    double cx = rng.uniform(0.42, 0.58);
    double half = rng.uniform(0.06, 0.085);
    d.waters.add(new Water(WaterKind.RIVER_V, cx, 0, half, rng.uniform(0.02, 0.05)));
    double y = rng.uniform(0.4, 0.6);
    d.roads.add(new Road(-0.1, y, 1.1, y, 0.04, RoadKind.HIGHWAY, true));
    double bank = cx + half * PlanDraft.MAX_WATER_SCALE * 1.15 + 0.1;
    boolean east = rng.chance(0.5);
    double bx = east ? bank : 2 * cx - bank;
    d.roads.add(new Road(bx, y, bx, rng.chance(0.5) ? -0.1 : 1.1, 0.028, RoadKind.STREET, false));
    rowOfBuildings(d, rng, y, 0.04, -0.05, 1.05, true, 0.055, 0.05, Use.HOUSE, HOUSE_ROOFS, 0.3,
        -1, true);
    rowOfBuildings(d, rng, y, 0.04, -0.05, 1.05, false, 0.055, 0.05, Use.HOUSE, HOUSE_ROOFS, 0.3,
        -1, true);
    return new Start(d.build(Rect.of(cx, y, 4 * half, 0.12)), rng.range(2, 4), rng.range(-1, 0),
        0);
  }

  private static Start houses(PlanDraft d, SplitMix rng) {
    double y1 = rng.uniform(0.22, 0.3);
    double y2 = rng.uniform(0.68, 0.76);
    double vx = rng.uniform(0.35, 0.65);
    d.roads.add(new Road(-0.1, y1, 1.1, y1, 0.032, RoadKind.STREET, true));
    d.roads.add(new Road(vx, y1, vx, y2, 0.032, RoadKind.STREET, true));
    d.roads.add(new Road(-0.1, y2, 1.1, y2, 0.032, RoadKind.STREET, rng.chance(0.6)));
    int third = d.roads.size() - 1;
    boolean thirdBuilt = d.roads.get(third).initial();
    rowOfBuildings(d, rng, y1, 0.032, -0.05, 1.05, true, 0.06, 0.05, Use.HOUSE, HOUSE_ROOFS, 0.85,
        -1, true);
    rowOfBuildings(d, rng, y1, 0.032, -0.05, 1.05, false, 0.06, 0.05, Use.HOUSE, HOUSE_ROOFS, 0.7,
        -1, true);
    rowOfBuildings(d, rng, y2, 0.032, -0.05, 1.05, true, 0.06, 0.05, Use.HOUSE, HOUSE_ROOFS, 0.6,
        thirdBuilt ? -1 : third, true);
    rowOfBuildings(d, rng, y2, 0.032, -0.05, 1.05, false, 0.06, 0.05, Use.HOUSE, HOUSE_ROOFS, 0.6,
        thirdBuilt ? -1 : third, true);
    return new Start(d.build(new Rect(0.0, y1 - 0.1, 1.0, y2 + 0.1)), rng.range(2, 4), 0, 0);
  }

  private static Start apartments(PlanDraft d, SplitMix rng) {
    double y = rng.uniform(0.45, 0.55);
    d.roads.add(new Road(-0.1, y, 1.1, y, 0.04, RoadKind.STREET, true));
    rowOfBuildings(d, rng, y, 0.04, -0.02, 1.02, true, 0.2, 0.075, Use.APARTMENT, FLAT_ROOFS, 0.75,
        -1, false);
    double lx = rng.uniform(0.05, 0.3);
    Rect lot = new Rect(lx, y + 0.05, lx + rng.uniform(0.3, 0.45), y + 0.2);
    d.lots.add(new Lot(lot, false));
    rowOfBuildings(d, rng, y + 0.24, 0.0, -0.02, 1.02, false, 0.2, 0.075, Use.APARTMENT,
        FLAT_ROOFS, 0.6, -1, false);
    return new Start(d.build(new Rect(0.02, y - 0.2, 0.98, y + 0.4)), rng.range(1, 3), 0,
        rng.range(0, 3));
  }

  private static Start solarFarm(PlanDraft d, SplitMix rng) {
    int cols = rng.range(2, 3);
    int rows = 3;
    double gx = 0.06;
    double w = (0.86 - gx * (cols - 1)) / cols;
    double h = (0.8 - 0.05 * (rows - 1)) / rows;
    for (int i = 0; i < cols; i++) {
      for (int j = 0; j < rows; j++) {
        Rect r = new Rect(0.07 + i * (w + gx), 0.1 + j * (h + 0.05), 0.07 + i * (w + gx) + w,
            0.1 + j * (h + 0.05) + h);
        d.solar.add(new SolarArray(r, rng.chance(0.55) || (i == 0 && j == 0)));
      }
    }
    for (int i = 1; i < cols; i++) {
      double x = 0.07 + i * (w + gx) - gx / 2;
      d.roads.add(new Road(x, -0.1, x, 1.1, 0.02, RoadKind.DIRT, true));
    }
    d.buildings.add(new Building(Rect.of(0.035, 0.04, 0.04, 0.03), 0.012, Roof.FLAT, 0xC8C8C3,
        Use.OFFICE, true, -1));
    return new Start(d.build(new Rect(0.07, 0.1, 0.93, 0.9)), rng.range(0, 2), 0, 0);
  }

  private static Start parking(PlanDraft d, SplitMix rng) {
    Rect lot = new Rect(rng.uniform(0.08, 0.15), rng.uniform(0.3, 0.38), rng.uniform(0.85, 0.92),
        rng.uniform(0.85, 0.92));
    d.lots.add(new Lot(lot, rng.chance(0.3)));
    double sy = lot.y0() - 0.06;
    d.roads.add(new Road(-0.1, sy, 1.1, sy, 0.035, RoadKind.STREET, true));
    Rect store = new Rect(rng.uniform(0.1, 0.3), 0.02, rng.uniform(0.6, 0.85), sy - 0.05);
    d.buildings.add(new Building(store, 0.035, Roof.FLAT, rng.pick(toList(FLAT_ROOFS)),
        Use.OFFICE, true, -1));
    return new Start(d.build(lot), rng.range(0, 2), 0, rng.range(0, 3));
  }

  private static Start park(PlanDraft d, SplitMix rng) {
    d.roads.add(new Road(-0.1, 0.04, 1.1, 0.04, 0.03, RoadKind.STREET, true));
    d.roads.add(new Road(0.05, 0.04, 0.95, 0.95, 0.012, RoadKind.PATH, true));
    d.roads.add(new Road(0.95, 0.08, 0.1, 0.95, 0.012, RoadKind.PATH, true));
    double px = rng.chance(0.5) ? 0.28 : 0.72;
    d.waters.add(new Water(WaterKind.LAKE, px, 0.7, rng.uniform(0.08, 0.12),
        rng.uniform(0.06, 0.09)));
    Rect field = Rect.of(1 - px, rng.uniform(0.45, 0.6), 0.22, 0.14);
    if (d.free(field, 0.01)) {
      d.patches.add(new Patch(field, PatchKind.SPORTS_FIELD, false));
    }
    scatter(d, rng, 1, 0.05, 0.07, Use.PAVILION, HOUSE_ROOFS, Roof.GABLE_H, true, 0.15);
    scatter(d, rng, 1, 0.05, 0.07, Use.PAVILION, HOUSE_ROOFS, Roof.GABLE_H, false, 0.15);
    return new Start(d.build(new Rect(0.02, 0.08, 0.98, 0.98)), rng.range(3, 4), rng.range(-1, 1),
        0);
  }

  private static Start port(PlanDraft d, SplitMix rng) {
    double shore = rng.uniform(0.55, 0.62);
    d.waters.add(new Water(WaterKind.SEA_SOUTH, 0.5, shore, 0, 0));
    d.patches.add(new Patch(new Rect(-0.1, shore - 0.08, 1.1, shore + 0.012), PatchKind.APRON,
        false));
    int piers = rng.range(2, 3);
    for (int i = 0; i < piers; i++) {
      double x = 0.15 + i * 0.7 / piers + rng.uniform(0, 0.08);
      double len = rng.uniform(0.2, 0.3);
      d.patches.add(new Patch(new Rect(x, shore, x + 0.05, shore + len), PatchKind.PIER, false));
      d.crafts.add(new Craft(CraftKind.SHIP, x + 0.09, shore + len * 0.55, len * 0.8, true,
          rng.pick(new Integer[] {0x8C2D2D, 0x2D3C64, 0x3C5A3C, 0x505050})));
    }
    d.patches.add(new Patch(new Rect(rng.uniform(0.05, 0.2), shore - 0.26, rng.uniform(0.45, 0.55),
        shore - 0.12), PatchKind.CONTAINERS, false));
    double ry = shore - 0.3;
    d.roads.add(new Road(-0.1, ry, 1.1, ry, 0.035, RoadKind.STREET, true));
    rowOfBuildings(d, rng, ry, 0.035, 0.55, 1.05, false, 0.16, 0.1, Use.WAREHOUSE, SHED_ROOFS, 0.6,
        -1, false);
    d.roads.add(new Road(-0.1, 0.1, 1.1, 0.1, 0.03, RoadKind.STREET, rng.chance(0.5)));
    int r2 = d.roads.size() - 1;
    boolean built = d.roads.get(r2).initial();
    rowOfBuildings(d, rng, 0.1, 0.03, -0.05, 1.05, false, 0.14, 0.07, Use.WAREHOUSE, SHED_ROOFS,
        0.5, built ? -1 : r2, false);
    return new Start(d.build(new Rect(0.0, shore - 0.3, 1.0, shore + 0.3)), rng.range(0, 1), 0, 0);
  }

  private static Start mine(PlanDraft d, SplitMix rng) {
    double cx = rng.uniform(0.4, 0.55);
    double cy = rng.uniform(0.4, 0.55);
    double r0 = rng.uniform(0.13, 0.17);
    d.pits.add(new Pit(cx, cy, r0));
    d.roads.add(new Road(cx + r0 * 0.7, cy, 1.1, cy + rng.uniform(-0.2, 0.2), 0.025,
        RoadKind.DIRT, true));
    d.roads.add(new Road(cx, cy + r0 * 0.7, cx - 0.1, 1.1, 0.025, RoadKind.DIRT, false));
    d.patches.add(new Patch(Rect.of(rng.uniform(0.1, 0.2), rng.uniform(0.12, 0.2), 0.14, 0.1),
        PatchKind.BARE_SOIL, true));
    scatter(d, rng, 2, 0.04, 0.06, Use.OFFICE, SHED_ROOFS, Roof.FLAT, true, 0.08);
    cars(d, rng, 2, Rect.of(cx + r0 + 0.12, cy, 0.1, 0.1), CraftKind.TRUCK, 0xE6B41E);
    return new Start(d.build(Rect.of(cx, cy, 2 * r0, 2 * r0)), rng.range(2, 4), 0, 0);
  }

  private static Start windFarm(PlanDraft d, SplitMix rng) {
    double[] xs = cuts(rng, 2);
    double[] ys = cuts(rng, 2);
    Crop[] crops = Crop.values();
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        d.fields.add(new Field(new Rect(xs[i] + 0.012, ys[j] + 0.012, xs[i + 1] - 0.012,
            ys[j + 1] - 0.012), rng.chance(0.5), rng.pick(crops)));
      }
    }
    d.roads.add(new Road(xs[1], -0.1, xs[1], 1.1, 0.02, RoadKind.DIRT, true));
    d.roads.add(new Road(-0.1, ys[1], 1.1, ys[1], 0.02, RoadKind.DIRT, true));
    int n = rng.range(4, 7);
    boolean vertical = rng.chance(0.5);
    for (int i = 0; i < n; i++) {
      double x = 0.12 + (i % 3) * 0.35 + rng.uniform(-0.04, 0.04);
      double y = 0.15 + (i / 3) * 0.38 + rng.uniform(-0.05, 0.05);
      d.turbines.add(new Turbine(x, y, rng.uniform(0.08, 0.1), vertical));
    }
    d.roads.add(new Road(-0.1, 0.93, 1.1, 0.93, 0.022, RoadKind.DIRT, false));
    return new Start(d.build(new Rect(0.05, 0.05, 0.95, 0.95)), rng.range(0, 2), 0, 0);
  }

  private static Start golf(PlanDraft d, SplitMix rng) {
    int holes = rng.range(2, 3);
    for (int i = 0; i < holes; i++) {
      double y = 0.18 + i * 0.68 / holes + rng.uniform(0, 0.06);
      double x0 = rng.uniform(0.05, 0.2);
      double x1 = rng.uniform(0.7, 0.85);
      Rect fw = new Rect(x0, y - 0.05, x1, y + 0.05);
      d.patches.add(new Patch(fw, PatchKind.FAIRWAY, true));
      Rect green = Rect.of(x1 + 0.03, y, 0.07, 0.06);
      d.patches.add(new Patch(green, PatchKind.PUTTING_GREEN, true));
      d.patches.add(new Patch(Rect.of(x1 - 0.03, y + 0.06, 0.04, 0.025), PatchKind.BUNKER, true));
      d.patches.add(new Patch(Rect.of(rng.uniform(x0 + 0.1, x1 - 0.1), y - 0.06, 0.035, 0.025),
          PatchKind.BUNKER, true));
    }
    Rect free = Rect.of(0.5, 0.9, 0.2, 0.1);
    if (d.free(free, 0.02)) {
      d.waters.add(new Water(WaterKind.LAKE, 0.5, 0.9, 0.09, 0.05));
    }
    scatter(d, rng, 1, 0.07, 0.09, Use.OFFICE, FLAT_ROOFS, Roof.FLAT, true, 0.08);
    scatter(d, rng, 2, 0.045, 0.06, Use.HOUSE, HOUSE_ROOFS, Roof.GABLE_H, false, 0.06);
    return new Start(d.build(new Rect(0.05, 0.1, 0.95, 0.9)), rng.range(3, 4), rng.range(-1, 0),
        0);
  }
}
