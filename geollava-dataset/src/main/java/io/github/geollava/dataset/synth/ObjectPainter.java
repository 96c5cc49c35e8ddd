package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.Geo.Rect;
import io.github.geollava.dataset.synth.LocationPlan.Building;
import io.github.geollava.dataset.synth.LocationPlan.Craft;
import io.github.geollava.dataset.synth.LocationPlan.CraftKind;
import io.github.geollava.dataset.synth.LocationPlan.Lot;
import io.github.geollava.dataset.synth.LocationPlan.Patch;
import io.github.geollava.dataset.synth.LocationPlan.PatchKind;
import io.github.geollava.dataset.synth.LocationPlan.Road;
import io.github.geollava.dataset.synth.LocationPlan.RoadKind;
import io.github.geollava.dataset.synth.LocationPlan.Roof;
import io.github.geollava.dataset.synth.LocationPlan.SolarArray;
import io.github.geollava.dataset.synth.LocationPlan.Turbine;
import io.github.geollava.dataset.synth.LocationProfile.Climate;
import io.github.geollava.dataset.synth.SceneRenderer.Textures;
import io.github.geollava.dataset.synth.SceneState.Look;

/** Paints the individual objects of a scene onto a {@link Canvas}. */
final class ObjectPainter {
  private ObjectPainter() {}

  private static final int[] CONTAINER_COLORS = {0x9A3C2C, 0x2C5A8C, 0x3C7A46, 0xB4B4AA, 0xC8782C,
      0x7A2C2C};

  static void patch(Canvas c, Textures t, Patch p, Look look, Climate climate) {
    Rect r = p.r();
    int x0 = c.lo(r.x0());
    int x1 = c.hi(r.x1());
    int y0 = c.lo(r.y0());
    int y1 = c.hi(r.y1());
    boolean snow = look == Look.SNOW;
    boolean dry = look == Look.DRY || climate == Climate.ARID;
    for (int y = y0; y < y1; y++) {
      double v = c.scene(y);
      for (int x = x0; x < x1; x++) {
        double u = c.scene(x);
        if (p.round()) {
          double dx = (u - r.cx()) / (r.width() / 2);
          double dy = (v - r.cy()) / (r.height() / 2);
          if (dx * dx + dy * dy > 1) {
            continue;
          }
        }
        int i = y * c.w + x;
        double d = t.detail[i];
        double gr = t.grain[i];
        switch (p.kind()) {
          case RUNWAY -> {
            boolean horizontal = r.width() >= r.height();
            double across = horizontal ? v - r.cy() : u - r.cx();
            double along = horizontal ? u : v;
            double half = (horizontal ? r.height() : r.width()) / 2;
            boolean centre = Math.abs(across) < 0.004 && (along * 14) % 1.0 < 0.55;
            boolean edge = Math.abs(Math.abs(across) - (half - 0.006)) < 0.0025;
            c.set(i, centre || edge ? 0xE6E6E1 : 0x9E9E99, 0.94 + 0.08 * d + 0.04 * gr);
            c.l[i] = Labels.PAVED;
          }
          case APRON, PIER -> {
            boolean joint = ((u * 28) % 1.0) < 0.08 || ((v * 28) % 1.0) < 0.08;
            c.set(i, p.kind() == PatchKind.PIER ? 0xAAA89F : 0x9A9A94,
                (joint ? 0.9 : 1.0) * (0.95 + 0.06 * d + 0.03 * gr));
            c.l[i] = Labels.PAVED;
          }
          case SLAB -> {
            c.set(i, 0xC2C0BA, 0.94 + 0.06 * d + 0.04 * gr);
            c.l[i] = Labels.PAVED;
          }
          case BARE_SOIL -> {
            int base = snow ? 0xD6D4D0 : (climate == Climate.ARID ? 0xB89A72 : 0x9A7A58);
            double track = ((u + v) * 45 % 1.0) < 0.12 ? 0.92 : 1.0;
            c.set(i, base, track * (0.88 + 0.14 * t.terrain[i] + 0.06 * gr));
            c.l[i] = Labels.SOIL;
          }
          case FAIRWAY -> {
            int base = snow ? 0xE4E6EA : (dry ? 0x949A5A : 0x6E9E48);
            double stripe = ((u * 30) % 1.0) < 0.5 ? 1.04 : 0.97;
            c.set(i, base, stripe * (0.96 + 0.05 * d));
            c.l[i] = Labels.GRASS;
          }
          case PUTTING_GREEN -> {
            c.set(i, snow ? 0xE8EAEE : (dry ? 0x7E9A52 : 0x5EA852), 0.97 + 0.04 * d);
            c.l[i] = Labels.GRASS;
          }
          case BUNKER -> {
            c.set(i, snow ? 0xEEEEF0 : 0xE2D4AE, 0.95 + 0.06 * d);
            c.l[i] = Labels.SOIL;
          }
          case SPORTS_FIELD -> {
            double ex = Math.min(u - r.x0(), r.x1() - u);
            double ey = Math.min(v - r.y0(), r.y1() - v);
            boolean line = ex < 0.005 || ey < 0.005 || Math.abs(u - r.cx()) < 0.0025;
            int base = snow ? 0xE6E8EC : (dry ? 0x8E9456 : 0x5C9A46);
            c.set(i, line && !snow ? 0xE6E6E6 : base, 0.97 + 0.05 * d);
            c.l[i] = Labels.GRASS;
          }
          case CONTAINERS -> {
            int cx = (int) Math.floor(u / 0.034);
            int cy = (int) Math.floor(v / 0.014);
            boolean gap = ((u / 0.034) % 1.0) < 0.12 || ((v / 0.014) % 1.0) < 0.2;
            long h = SplitMix.mix(cx * 31L + cy * 1_000_003L);
            int col = CONTAINER_COLORS[(int) ((h >>> 33) % CONTAINER_COLORS.length)];
            boolean empty = ((h >>> 20) & 7) == 0;
            c.set(i, gap || empty ? 0x8A8A86 : col, 0.95 + 0.06 * d);
            c.l[i] = Labels.PAVED;
          }
          case PLAZA -> {
            c.set(i, 0xB4AEA4, 0.95 + 0.06 * d);
            c.l[i] = Labels.PAVED;
          }
        }
      }
    }
  }

  static void rubble(Canvas c, Textures t, Rect r) {
    int x0 = c.lo(r.x0());
    int x1 = c.hi(r.x1());
    int y0 = c.lo(r.y0());
    int y1 = c.hi(r.y1());
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int i = y * c.w + x;
        c.set(i, 0x9C8C78, 0.8 + 0.3 * t.grain[i]);
        c.l[i] = Labels.SOIL;
      }
    }
  }

  static void lot(Canvas c, Textures t, Lot lot, int index, double occupancy, Look look) {
    Rect r = lot.r();
    int x0 = c.lo(r.x0());
    int x1 = c.hi(r.x1());
    int y0 = c.lo(r.y0());
    int y1 = c.hi(r.y1());
    double stall = 0.02;
    double depth = 0.036;
    double aisle = 0.03;
    double period = 2 * depth + aisle;
    for (int y = y0; y < y1; y++) {
      double v = c.scene(y);
      for (int x = x0; x < x1; x++) {
        double u = c.scene(x);
        int i = y * c.w + x;
        double along = lot.rowsVertical() ? v - r.y0() : u - r.x0();
        double across = lot.rowsVertical() ? u - r.x0() : v - r.y0();
        int band = (int) Math.floor(across / period);
        double inBand = across - band * period;
        int row = inBand < depth ? 2 * band : (inBand < 2 * depth ? 2 * band + 1 : -1);
        c.set(i, 0x4A4C50, 0.94 + 0.08 * t.detail[i] + 0.04 * t.grain[i]);
        c.l[i] = Labels.LOT;
        if (row < 0) {
          continue;
        }
        int col = (int) Math.floor(along / stall);
        double inStall = along - col * stall;
        double inRow = row % 2 == 0 ? inBand : inBand - depth;
        if (inStall < 0.0022) {
          c.set(i, 0xC8C8C8, 1);
          continue;
        }
        long h = SplitMix.mix(index * 7919L + row * 104_729L + col * 1_299_709L);
        double p = (h >>> 11) * 0x1.0p-53;
        if (p < occupancy && inStall > 0.004 && inStall < stall - 0.0025 && inRow > 0.005
            && inRow < depth - 0.004) {
          int colour = SceneFactory.CAR_COLORS[(int) ((h >>> 3) % SceneFactory.CAR_COLORS.length)];
          boolean glass = Math.abs(inRow - depth * 0.35) < 0.0035;
          c.set(i, colour, glass ? 0.55 : 1.0);
          c.l[i] = Labels.CAR;
        }
      }
    }
  }

  static void solar(Canvas c, Textures t, SolarArray s) {
    Rect r = s.r();
    int x0 = c.lo(r.x0());
    int x1 = c.hi(r.x1());
    int y0 = c.lo(r.y0());
    int y1 = c.hi(r.y1());
    double row = 0.024;
    double gap = 0.011;
    for (int y = y0; y < y1; y++) {
      double v = c.scene(y) - r.y0();
      double inRow = v % (row + gap);
      for (int x = x0; x < x1; x++) {
        int i = y * c.w + x;
        if (inRow >= row) {
          c.set(i, 0x8C8A80, 0.9 + 0.12 * t.grain[i]);
          c.l[i] = Labels.SOIL;
          continue;
        }
        double u = c.scene(x) - r.x0();
        boolean cell = (u % 0.012) < 0.0018;
        double tilt = 0.85 + 0.35 * (inRow / row);
        c.set(i, cell ? 0x3C4A66 : 0x1E2841, tilt * (0.97 + 0.05 * t.detail[i]));
        c.l[i] = Labels.SOLAR;
      }
    }
  }

  static void road(Canvas c, Textures t, Road road, Look look) {
    double hw = road.width() / 2;
    int x0 = c.lo(Math.min(road.x0(), road.x1()) - hw);
    int x1 = c.hi(Math.max(road.x0(), road.x1()) + hw);
    int y0 = c.lo(Math.min(road.y0(), road.y1()) - hw);
    int y1 = c.hi(Math.max(road.y0(), road.y1()) + hw);
    boolean snow = look == Look.SNOW;
    double len = StrictMath.hypot(road.x1() - road.x0(), road.y1() - road.y0());
    for (int y = y0; y < y1; y++) {
      double v = c.scene(y);
      for (int x = x0; x < x1; x++) {
        double u = c.scene(x);
        double d = Geo.segmentDistance(u, v, road.x0(), road.y0(), road.x1(), road.y1());
        if (d >= hw) {
          continue;
        }
        int i = y * c.w + x;
        boolean bridge = c.l[i] == Labels.WATER;
        double along = len == 0 ? 0
            : ((u - road.x0()) * (road.x1() - road.x0()) + (v - road.y0()) * (road.y1() - road.y0()))
                / len;
        double f = 0.95 + 0.07 * t.detail[i] + 0.04 * t.grain[i];
        int colour;
        switch (road.kind()) {
          case HIGHWAY -> colour = Math.abs(d) < 0.0025 && (along * 30) % 1.0 < 0.5 ? 0xE0E0DC
              : 0x4E5054;
          case STREET -> colour = d > hw - 0.004 ? 0x8C8C8A : 0x5A5C60;
          case TAXIWAY -> colour = d < 0.002 ? 0xD2B432 : 0x8C8C87;
          case DIRT -> colour = snow ? 0xD0CCC6 : 0x97805F;
          default -> colour = snow ? 0xDCDCDC : 0xC8BCA0;
        }
        if (bridge && road.kind() != RoadKind.DIRT && road.kind() != RoadKind.PATH) {
          colour = d > hw - 0.005 ? 0x3A3A3C : 0x8A8A88;
        }
        c.set(i, colour, f);
        c.l[i] = Labels.ROAD;
      }
    }
  }

  /** Darkens the ground swept by a rectangle moved along (dx, dy) scene units: a cast shadow. */
  static void shadow(Canvas c, Rect r, double dx, double dy) {
    int x0 = c.lo(Math.min(r.x0(), r.x0() + dx));
    int x1 = c.hi(Math.max(r.x1(), r.x1() + dx));
    int y0 = c.lo(Math.min(r.y0(), r.y0() + dy));
    int y1 = c.hi(Math.max(r.y1(), r.y1() + dy));
    for (int y = y0; y < y1; y++) {
      double v = c.scene(y);
      double[] ty = interval(v, r.y0(), r.y1(), dy);
      if (ty == null) {
        continue;
      }
      for (int x = x0; x < x1; x++) {
        double[] tx = interval(c.scene(x), r.x0(), r.x1(), dx);
        if (tx == null) {
          continue;
        }
        double lo = Math.max(Math.max(tx[0], ty[0]), 0);
        double hi = Math.min(Math.min(tx[1], ty[1]), 1);
        if (lo <= hi) {
          c.scale(y * c.w + x, 0.52);
        }
      }
    }
  }

  /** The t interval for which p - t * d lies in [a, b], or null. */
  private static double[] interval(double p, double a, double b, double d) {
    if (Math.abs(d) < 1e-12) {
      return p >= a && p < b ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}
          : null;
    }
    double t1 = (p - b) / d;
    double t2 = (p - a) / d;
    return new double[] {Math.min(t1, t2), Math.max(t1, t2)};
  }

  static void building(Canvas c, Textures t, Building b, int index, Look look, double sunAzimuth) {
    Rect r = b.r();
    int x0 = c.lo(r.x0());
    int x1 = c.hi(r.x1());
    int y0 = c.lo(r.y0());
    int y1 = c.hi(r.y1());
    double sx = StrictMath.sin(StrictMath.toRadians(sunAzimuth));
    double sy = -StrictMath.cos(StrictMath.toRadians(sunAzimuth));
    double snow = look == Look.SNOW ? 0.6 : 0;
    long h = SplitMix.mix(index * 0x9E37L + 17);
    for (int y = y0; y < y1; y++) {
      double v = c.scene(y);
      for (int x = x0; x < x1; x++) {
        double u = c.scene(x);
        int i = y * c.w + x;
        double f;
        boolean edge = x == x0 || x == x1 - 1 || y == y0 || y == y1 - 1;
        if (b.roof() == Roof.FLAT) {
          f = edge ? 0.75 : 0.96 + 0.06 * t.detail[i];
          // Rooftop units on large roofs, placed from the building's own hash.
          if (!edge && r.area() > 0.005) {
            for (int k = 0; k < 3; k++) {
              double hx = r.x0() + r.width() * (0.15 + 0.7 * (((h >>> (k * 8)) & 255) / 255.0));
              double hy = r.y0() + r.height() * (0.2 + 0.6 * (((h >>> (k * 8 + 24)) & 255) / 255.0));
              if (Math.abs(u - hx) < 0.007 && Math.abs(v - hy) < 0.005) {
                f = 1.18;
              }
            }
          }
        } else {
          boolean alongX = b.roof() == Roof.GABLE_H;
          double across = alongX ? v - r.cy() : u - r.cx();
          double half = (alongX ? r.height() : r.width()) / 2;
          double nx = alongX ? 0 : Math.signum(across);
          double ny = alongX ? Math.signum(across) : 0;
          f = 0.86 + 0.3 * (nx * sx + ny * sy);
          if (Math.abs(across) < 0.0025) {
            f = 1.12;
          } else if (edge || Math.abs(across) > half - 0.002) {
            f *= 0.85;
          }
        }
        c.set(i, b.rgb(), f);
        if (snow > 0 && !edge) {
          c.blend(i, 0xECEEF2, snow * Math.min(1, f));
        }
        c.l[i] = Labels.BUILDING;
      }
    }
  }

  static void crafts(Canvas c, LocationPlan plan, double sdx, double sdy) {
    for (Craft k : plan.crafts()) {
      double len = k.length();
      double w = k.kind() == CraftKind.PLANE ? len * 0.12 : (k.kind() == CraftKind.SHIP ? len * 0.2
          : len * 0.45);
      Rect body = k.vertical() ? Rect.of(k.x(), k.y(), w, len) : Rect.of(k.x(), k.y(), len, w);
      double sh = k.kind() == CraftKind.SHIP ? 0.006 : 0.004;
      shadow(c, body, sdx * sh, sdy * sh);
      fill(c, body, k.rgb(), Labels.CRAFT, k.kind() == CraftKind.SHIP);
      if (k.kind() == CraftKind.PLANE) {
        double span = len * 0.9;
        double chord = len * 0.16;
        double tail = len * 0.32;
        Rect wing = k.vertical() ? Rect.of(k.x(), k.y() - len * 0.05, span, chord)
            : Rect.of(k.x() - len * 0.05, k.y(), chord, span);
        Rect stab = k.vertical() ? Rect.of(k.x(), k.y() + len * 0.42, tail, chord * 0.6)
            : Rect.of(k.x() + len * 0.42, k.y(), chord * 0.6, tail);
        shadow(c, wing, sdx * sh, sdy * sh);
        fill(c, wing, k.rgb(), Labels.CRAFT, false);
        fill(c, stab, k.rgb(), Labels.CRAFT, false);
      } else if (k.kind() == CraftKind.SHIP) {
        Rect deck = k.vertical() ? Rect.of(k.x(), k.y() - len * 0.3, w * 0.6, len * 0.15)
            : Rect.of(k.x() - len * 0.3, k.y(), len * 0.15, w * 0.6);
        fill(c, deck, 0xE6E6E6, Labels.CRAFT, false);
      } else {
        Rect cab = k.vertical() ? Rect.of(k.x(), k.y() - len * 0.35, w, len * 0.25)
            : Rect.of(k.x() - len * 0.35, k.y(), len * 0.25, w);
        fill(c, cab, 0x5A5A50, Labels.CRAFT, false);
      }
    }
    for (Turbine tb : plan.turbines()) {
      double tower = 0.11;
      line(c, tb.x(), tb.y(), tb.x() + sdx * tower, tb.y() + sdy * tower, 0.45, false);
      double half = tb.rotor() / 2;
      // The rotor's shadow, then the rotor and nacelle in white.
      double rx = tb.rotorVertical() ? 0 : half;
      double ry = tb.rotorVertical() ? half : 0;
      double ox = sdx * tower;
      double oy = sdy * tower;
      line(c, tb.x() + ox - rx, tb.y() + oy - ry, tb.x() + ox + rx, tb.y() + oy + ry, 0.55, false);
      line(c, tb.x() - rx, tb.y() - ry, tb.x() + rx, tb.y() + ry, 0, true);
      fill(c, Rect.of(tb.x(), tb.y(), 0.012, 0.012), 0xF2F2F2, Labels.CRAFT, false);
    }
  }

  private static void fill(Canvas c, Rect r, int rgb, byte label, boolean bow) {
    int x0 = c.lo(r.x0());
    int x1 = c.hi(r.x1());
    int y0 = c.lo(r.y0());
    int y1 = c.hi(r.y1());
    boolean vertical = r.height() > r.width();
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (bow) {
          // Taper the first fifth of the hull into a pointed bow.
          double along = vertical ? (c.scene(y) - r.y0()) / r.height()
              : (c.scene(x) - r.x0()) / r.width();
          double across = vertical ? Math.abs(c.scene(x) - r.cx()) / (r.width() / 2)
              : Math.abs(c.scene(y) - r.cy()) / (r.height() / 2);
          if (along > 0.8 && across > (1 - along) / 0.2) {
            continue;
          }
        }
        int i = y * c.w + x;
        c.set(i, rgb, 1);
        c.l[i] = label;
      }
    }
  }

  /** A one-pixel line: darkens by factor when not white, else paints white. */
  private static void line(Canvas c, double ax, double ay, double bx, double by, double factor,
      boolean white) {
    double len = StrictMath.hypot(bx - ax, by - ay) * c.size;
    int steps = Math.max(1, (int) Math.ceil(len * 2));
    int last = -1;
    for (int s = 0; s <= steps; s++) {
      double t = (double) s / steps;
      int x = (int) Math.floor(c.px(ax + t * (bx - ax)));
      int y = (int) Math.floor(c.px(ay + t * (by - ay)));
      if (x < 0 || y < 0 || x >= c.w || y >= c.w) {
        continue;
      }
      int i = y * c.w + x;
      if (i == last) {
        continue;
      }
      last = i;
      if (white) {
        c.set(i, 0xF0F0F0, 1);
        c.l[i] = Labels.CRAFT;
      } else {
        c.scale(i, factor);
      }
    }
  }
}
