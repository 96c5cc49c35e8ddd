package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.Geo.Rect;
import io.github.geollava.dataset.synth.LocationPlan.Building;
import io.github.geollava.dataset.synth.LocationPlan.Field;
import io.github.geollava.dataset.synth.LocationPlan.Patch;
import io.github.geollava.dataset.synth.LocationPlan.Pit;
import io.github.geollava.dataset.synth.LocationPlan.Water;
import io.github.geollava.dataset.synth.LocationPlan.WaterKind;
import io.github.geollava.dataset.synth.LocationProfile.Climate;
import io.github.geollava.dataset.synth.SceneState.Look;

/**
 * Draws a scene state into a {@link Canvas}: ground, fields, water, flat surfaces, pits, parking,
 * panels, roads, trees, shadows, buildings and vehicles, in that order. The result is the canonical
 * view (no nuisance); {@link Photometry} then applies the acquisition conditions. Objects are drawn by
 * {@link ObjectPainter}.
 */
final class SceneRenderer {
  /** Water level multiplier per level step. */
  static final double WATER_STEP = 0.16;

  /** Pit radius multiplier per mine level. */
  static final double PIT_STEP = 0.22;

  /** Tree cover fraction of the eligible land at each vegetation level. */
  static final double[] COVER = {0.03, 0.12, 0.23, 0.35, 0.48, 0.62};

  /** Car occupancy of parking stalls at each parking level. */
  static final double[] OCCUPANCY = {0.08, 0.35, 0.62, 0.9};

  private SceneRenderer() {}

  /** Noise fields of one location, shared by all its acquisitions; one thread at a time. */
  static final class Textures {
    final float[] terrain;
    final float[] trees;
    final float[] detail;
    final float[] grain;
    final float[] treeThreshold = new float[COVER.length];

    /** Ground colours per seasonal look (r, g, b planes), computed once per look and reused. */
    private final float[][][] groundByLook = new float[Look.values().length][][];

    Textures(long seed, int w, int size) {
      terrain = ValueNoise.field(seed, w, w, size / 3.0, 5, 0.55);
      trees = ValueNoise.field(seed + 1, w, w, size / 7.0, 3, 0.5);
      detail = ValueNoise.field(seed + 2, w, w, 2.2, 1, 0.5);
      grain = ValueNoise.grain(seed + 3, w, w);
      // Crowns: the fine field roughens the canopy edge so trees read as clumps of crowns.
      for (int i = 0; i < trees.length; i++) {
        trees[i] += 0.12f * (detail[i] - 0.5f);
      }
      int[] hist = new int[1024];
      for (float v : trees) {
        hist[bin(v)]++;
      }
      for (int level = 0; level < COVER.length; level++) {
        long want = Math.round(trees.length * COVER[level]);
        long acc = 0;
        int k = hist.length - 1;
        while (k > 0 && acc + hist[k] <= want) {
          acc += hist[k];
          k--;
        }
        treeThreshold[level] = (k + 1) / 1024f * 1.4f - 0.2f;
      }
    }

    private static int bin(float v) {
      return Math.max(0, Math.min(1023, (int) ((v + 0.2f) / 1.4f * 1024)));
    }
  }

  /** Signed distance-like value, negative inside the water body at level scale s (no shore noise). */
  static double waterDistance(Water w, double u, double v, double s) {
    return switch (w.kind()) {
      case LAKE -> {
        double dx = (u - w.cx()) / (w.rx() * s);
        double dy = (v - w.cy()) / (w.ry() * s);
        yield (Math.sqrt(dx * dx + dy * dy) - 1) * Math.min(w.rx(), w.ry()) * s;
      }
      case RIVER_V -> Math.abs(u - riverCentre(w, v)) - w.rx() * s;
      case RIVER_H -> Math.abs(v - riverCentre(w, u)) - w.rx() * s;
      case SEA_SOUTH -> w.cy() - v;
    };
  }

  /** The meandering centre line of a river at a position along its course. */
  static double riverCentre(Water w, double along) {
    double c = w.kind() == WaterKind.RIVER_V ? w.cx() : w.cy();
    return c + w.ry() * StrictMath.sin(6.2831853 * along * 1.1 + c * 37);
  }

  static double waterScale(int level) {
    return 1 + WATER_STEP * level;
  }

  /** Renders the canonical view of a state; the canvas is overwritten. */
  static void render(Canvas c, Textures t, LocationProfile p, LocationPlan plan, SceneState s,
      double sunAzimuth, double sunElevation) {
    ground(c, t, p.country().climate, s.look);
    for (int i = 0; i < plan.fields().size(); i++) {
      field(c, t, plan.fields().get(i), s.crops[i], s.look);
    }
    for (Water w : plan.waters()) {
      water(c, t, w, waterScale(s.water));
    }
    for (Patch patch : plan.patches()) {
      ObjectPainter.patch(c, t, patch, s.look, p.country().climate);
    }
    for (int i = 0; i < plan.buildings().size(); i++) {
      if (s.demolished(i)) {
        ObjectPainter.rubble(c, t, plan.buildings().get(i).r());
      }
    }
    for (Pit pit : plan.pits()) {
      pit(c, t, pit, 1 + PIT_STEP * s.mine, sunAzimuth);
    }
    for (int i = 0; i < plan.lots().size(); i++) {
      ObjectPainter.lot(c, t, plan.lots().get(i), i, OCCUPANCY[s.parking], s.look);
    }
    for (int i = 0; i < plan.solar().size(); i++) {
      if (s.solar[i]) {
        ObjectPainter.solar(c, t, plan.solar().get(i));
      }
    }
    for (int i = 0; i < plan.roads().size(); i++) {
      if (s.roads[i]) {
        ObjectPainter.road(c, t, plan.roads().get(i), s.look);
      }
    }
    trees(c, t, p.country().climate, s.look, s.vegetation, sunAzimuth);
    double shadowLen = 1 / StrictMath.tan(StrictMath.toRadians(sunElevation));
    double sdx = -StrictMath.sin(StrictMath.toRadians(sunAzimuth)) * shadowLen;
    double sdy = StrictMath.cos(StrictMath.toRadians(sunAzimuth)) * shadowLen;
    for (int i = 0; i < plan.buildings().size(); i++) {
      if (s.standing(i)) {
        Building bd = plan.buildings().get(i);
        ObjectPainter.shadow(c, bd.r(), sdx * bd.height(), sdy * bd.height());
      }
    }
    for (int i = 0; i < plan.buildings().size(); i++) {
      if (s.standing(i)) {
        ObjectPainter.building(c, t, plan.buildings().get(i), i, s.look, sunAzimuth);
      }
    }
    ObjectPainter.crafts(c, plan, sdx, sdy);
  }

  // ---- ground, fields, water, trees, pits ---------------------------------------------------

  private static void ground(Canvas c, Textures t, Climate climate, Look look) {
    float[][] cached = t.groundByLook[look.ordinal()];
    if (cached == null) {
      groundColours(c, t, climate, look);
      t.groundByLook[look.ordinal()] = new float[][] {c.r.clone(), c.g.clone(), c.b.clone()};
    } else {
      System.arraycopy(cached[0], 0, c.r, 0, c.r.length);
      System.arraycopy(cached[1], 0, c.g, 0, c.g.length);
      System.arraycopy(cached[2], 0, c.b, 0, c.b.length);
    }
    java.util.Arrays.fill(c.l, Labels.GROUND);
  }

  private static void groundColours(Canvas c, Textures t, Climate climate, Look look) {
    int lo1;
    int lo2;
    int soil;
    if (look == Look.SNOW) {
      lo1 = 0xE6E8EC;
      lo2 = 0xCDD2DA;
      soil = 0x8C8278;
    } else if (climate == Climate.ARID) {
      lo1 = 0xC4AA82;
      lo2 = 0xB29670;
      soil = 0x96785A;
    } else if (look == Look.DRY) {
      lo1 = 0xAC986A;
      lo2 = 0x968458;
      soil = 0x8C7456;
    } else {
      lo1 = 0x4E6E32;
      lo2 = 0x687C3A;
      soil = 0x8A7658;
    }
    for (int i = 0; i < c.l.length; i++) {
      double tv = t.terrain[i];
      double m = clamp01((tv - 0.3) * 2.5);
      double rr = lerp(red(lo1), red(lo2), m);
      double gg = lerp(green(lo1), green(lo2), m);
      double bb = lerp(blue(lo1), blue(lo2), m);
      // Bare patches where the terrain field peaks (or thin snow cover).
      double bare = clamp01((tv - 0.66) * 8);
      rr = lerp(rr, red(soil), bare);
      gg = lerp(gg, green(soil), bare);
      bb = lerp(bb, blue(soil), bare);
      double f = 0.9 + 0.12 * t.detail[i] + 0.06 * t.grain[i];
      c.set(i, rr * f, gg * f, bb * f);
    }
  }

  private static void field(Canvas c, Textures t, Field f, LocationPlan.Crop crop, Look look) {
    int light;
    int dark;
    if (look == Look.SNOW) {
      light = 0xE8EAEE;
      dark = 0xD2D6DC;
    } else {
      switch (crop) {
        case GREEN_CROP -> {
          light = 0x63934A;
          dark = 0x46743A;
        }
        case RIPE_GRAIN -> {
          light = 0xD2B664;
          dark = 0xBEA057;
        }
        case PLOUGHED -> {
          light = 0x7D6248;
          dark = 0x5F4836;
        }
        default -> {
          light = 0x9C9868;
          dark = 0x8A865C;
        }
      }
    }
    Rect r = f.r();
    int x0 = c.lo(r.x0());
    int x1 = c.hi(r.x1());
    int y0 = c.lo(r.y0());
    int y1 = c.hi(r.y1());
    double period = Math.max(2.5, c.size * 0.014);
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int i = y * c.w + x;
        double along = f.rowsVertical() ? x : y;
        double phase = (along / period) % 1.0;
        double stripe = phase < 0.5 ? 1 : 0;
        int base = stripe > 0 ? light : dark;
        double fct = 0.92 + 0.1 * t.terrain[i] + 0.05 * t.grain[i];
        c.set(i, base, fct);
        c.l[i] = Labels.FIELD;
      }
    }
  }

  private static void water(Canvas c, Textures t, Water w, double s) {
    double shore = 0.03;
    double[] columnCentre = new double[c.w];
    if (w.kind() == WaterKind.RIVER_H) {
      for (int x = 0; x < c.w; x++) {
        columnCentre[x] = riverCentre(w, c.scene(x));
      }
    }
    // Lakes only touch their bounding box (plus the shore noise); rivers and seas span the canvas.
    int x0 = 0;
    int x1 = c.w;
    int y0 = 0;
    int y1 = c.w;
    if (w.kind() == WaterKind.LAKE) {
      // The shore noise (at most 0.01 in distance units of the shorter radius) reaches out by
      // 0.01 * r / min(rx, ry) along each axis; pad a little more.
      double m = Math.min(w.rx(), w.ry());
      double hx = w.rx() * s + 0.011 * w.rx() / m + 0.01;
      double hy = w.ry() * s + 0.011 * w.ry() / m + 0.01;
      x0 = c.lo(w.cx() - hx);
      x1 = c.hi(w.cx() + hx);
      y0 = c.lo(w.cy() - hy);
      y1 = c.hi(w.cy() + hy);
    }
    for (int y = y0; y < y1; y++) {
      double v = c.scene(y);
      double rowCentre = w.kind() == WaterKind.RIVER_V ? riverCentre(w, v) : 0;
      int row = y * c.w;
      for (int x = x0; x < x1; x++) {
        double u = c.scene(x);
        int i = row + x;
        double d;
        if (w.kind() == WaterKind.RIVER_V) {
          d = Math.abs(u - rowCentre) - w.rx() * s;
        } else if (w.kind() == WaterKind.RIVER_H) {
          d = Math.abs(v - columnCentre[x]) - w.rx() * s;
        } else {
          d = waterDistance(w, u, v, s);
        }
        d += 0.02 * (t.terrain[i] - 0.5);
        if (d < 0) {
          double depth = clamp01(-d / shore);
          double f = 0.96 + 0.08 * t.detail[i];
          c.set(i, lerp(70, 26, depth) * f, lerp(96, 52, depth) * f, lerp(96, 74, depth) * f);
          c.l[i] = Labels.WATER;
        }
      }
    }
  }

  private static void pit(Canvas c, Textures t, Pit p, double scale, double sunAzimuth) {
    double radius = p.r0() * scale;
    int x0 = c.lo(p.cx() - radius - 0.03);
    int x1 = c.hi(p.cx() + radius + 0.03);
    int y0 = c.lo(p.cy() - radius - 0.03);
    int y1 = c.hi(p.cy() + radius + 0.03);
    double sx = StrictMath.sin(StrictMath.toRadians(sunAzimuth));
    double sy = -StrictMath.cos(StrictMath.toRadians(sunAzimuth));
    double terrace = 0.028;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int i = y * c.w + x;
        double dx = c.scene(x) - p.cx();
        double dy = c.scene(y) - p.cy();
        double d = Math.sqrt(dx * dx + dy * dy) * (1 + 0.15 * (t.terrain[i] - 0.5));
        if (d >= radius) {
          continue;
        }
        double depth = (radius - d) / terrace;
        int step = (int) depth;
        double frac = depth - step;
        double base = step % 2 == 0 ? 1.0 : 0.88;
        // Terrace walls facing the sun are lit, the others shaded: the pit reads as a bowl.
        double nx = d > 0 ? dx / d : 0;
        double ny = d > 0 ? dy / d : 0;
        double lit = frac < 0.35 ? 1 - 0.35 * (nx * sx + ny * sy) : 1;
        double f = base * lit * (0.9 + 0.15 * t.detail[i]);
        if (step >= 5) {
          c.set(i, 0x4E6E64, 0.9 + 0.1 * t.detail[i]);
        } else {
          c.set(i, 0xB4A082, f);
        }
        c.l[i] = Labels.PIT;
      }
    }
  }

  private static void trees(Canvas c, Textures t, Climate climate, Look look, int level,
      double sunAzimuth) {
    float thr = t.treeThreshold[level];
    int crownA;
    int crownB;
    if (climate == Climate.ARID) {
      crownA = 0x55603C;
      crownB = 0x6E7448;
    } else if (look == Look.DRY) {
      crownA = 0x5C4E28;
      crownB = 0x3E5028;
    } else if (look == Look.SNOW) {
      crownA = 0x323E37;
      crownB = 0x5A665E;
    } else {
      crownA = 0x264422;
      crownB = 0x3A5A2A;
    }
    for (int i = 0; i < c.l.length; i++) {
      if (c.l[i] == Labels.GROUND && t.trees[i] > thr) {
        double m = t.detail[i];
        double f = 0.75 + 0.5 * m + 0.1 * t.grain[i];
        c.set(i, lerp(red(crownA), red(crownB), m) * f, lerp(green(crownA), green(crownB), m) * f,
            lerp(blue(crownA), blue(crownB), m) * f);
        c.l[i] = Labels.TREE;
      }
    }
    // Tree shadows: a pixel just down-sun of a crown is darkened.
    int ox = (int) Math.round(-StrictMath.sin(StrictMath.toRadians(sunAzimuth)) * 2);
    int oy = (int) Math.round(StrictMath.cos(StrictMath.toRadians(sunAzimuth)) * 2);
    int off = oy * c.w + ox;
    int from = Math.max(0, -off);
    int to = Math.min(c.l.length, c.l.length - off);
    for (int i = to - 1; i >= from; i--) {
      if (c.l[i] == Labels.TREE && c.l[i + off] != Labels.TREE && c.l[i + off] != Labels.WATER
          && c.l[i + off] != Labels.BUILDING) {
        c.scale(i + off, 0.6);
      }
    }
  }

  static double clamp01(double v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }

  static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }

  static int red(int rgb) {
    return (rgb >> 16) & 255;
  }

  static int green(int rgb) {
    return (rgb >> 8) & 255;
  }

  static int blue(int rgb) {
    return rgb & 255;
  }
}
