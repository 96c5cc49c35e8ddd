package io.github.geollava.dataset.synth;

/** Small geometry values in scene units: the image spans [0, 1] x [0, 1], y grows southwards. */
final class Geo {
  private Geo() {}

  /** An axis-aligned rectangle. */
  record Rect(double x0, double y0, double x1, double y1) {
    Rect {
      if (!(x1 >= x0 && y1 >= y0)) {
        throw new IllegalArgumentException(
            "rect: need x0 <= x1 and y0 <= y1, found " + x0 + "," + y0 + "," + x1 + "," + y1);
      }
    }

    static Rect of(double cx, double cy, double w, double h) {
      return new Rect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    double width() {
      return x1 - x0;
    }

    double height() {
      return y1 - y0;
    }

    double cx() {
      return (x0 + x1) / 2;
    }

    double cy() {
      return (y0 + y1) / 2;
    }

    double area() {
      return width() * height();
    }

    boolean intersects(Rect o, double pad) {
      return x0 - pad < o.x1 && o.x0 < x1 + pad && y0 - pad < o.y1 && o.y0 < y1 + pad;
    }

    boolean contains(double x, double y) {
      return x >= x0 && x < x1 && y >= y0 && y < y1;
    }

    boolean inside(double lo, double hi) {
      return x0 >= lo && y0 >= lo && x1 <= hi && y1 <= hi;
    }

    Rect grow(double d) {
      return new Rect(x0 - d, y0 - d, x1 + d, y1 + d);
    }
  }

  /** Distance from a point to a segment. */
  static double segmentDistance(
      double px, double py, double x0, double y0, double x1, double y1) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / len2;
    t = Math.max(0, Math.min(1, t));
    double ex = x0 + t * dx - px;
    double ey = y0 + t * dy - py;
    return Math.sqrt(ex * ex + ey * ey);
  }

  /** Whether a segment of half-width hw comes closer than pad to a rectangle (sampled, conservative). */
  static boolean segmentHitsRect(
      double x0, double y0, double x1, double y1, double hw, Rect r, double pad) {
    Rect g = r.grow(hw + pad);
    int steps = 1 + (int) (StrictMath.hypot(x1 - x0, y1 - y0) / 0.005);
    for (int i = 0; i <= steps; i++) {
      double t = (double) i / steps;
      if (g.contains(x0 + t * (x1 - x0), y0 + t * (y1 - y0))) {
        return true;
      }
    }
    return false;
  }
}
