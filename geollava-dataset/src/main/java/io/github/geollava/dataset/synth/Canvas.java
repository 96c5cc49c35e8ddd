package io.github.geollava.dataset.synth;

/**
 * The working raster of the renderer: float RGB planes and a label plane over the image plus a margin,
 * so misregistration and zoom never sample outside. Scene unit u maps to pixel {@code margin + u *
 * size}; pixel i covers [i, i + 1) and is inside a shape when its centre is.
 */
final class Canvas {
  final int size;
  final int margin;
  final int w;
  final float[] r;
  final float[] g;
  final float[] b;
  final byte[] l;

  Canvas(int size) {
    this.size = size;
    this.margin = (int) Math.ceil(size * 0.03) + 4;
    this.w = size + 2 * margin;
    this.r = new float[w * w];
    this.g = new float[w * w];
    this.b = new float[w * w];
    this.l = new byte[w * w];
  }

  /** Canvas x (continuous) of a scene coordinate. */
  double px(double u) {
    return margin + u * size;
  }

  /** Scene coordinate of the centre of canvas pixel i. */
  double scene(int i) {
    return (i + 0.5 - margin) / size;
  }

  /** First pixel whose centre is at or after scene coordinate u, clamped to the canvas. */
  int lo(double u) {
    return Math.max(0, Math.min(w, (int) Math.ceil(px(u) - 0.5)));
  }

  /** One past the last pixel whose centre is before scene coordinate u, clamped to the canvas. */
  int hi(double u) {
    return Math.max(0, Math.min(w, (int) Math.ceil(px(u) - 0.5)));
  }

  void set(int i, int rgb, double f) {
    r[i] = (float) (((rgb >> 16) & 255) * f);
    g[i] = (float) (((rgb >> 8) & 255) * f);
    b[i] = (float) ((rgb & 255) * f);
  }

  void set(int i, double rr, double gg, double bb) {
    r[i] = (float) rr;
    g[i] = (float) gg;
    b[i] = (float) bb;
  }

  void scale(int i, double f) {
    r[i] *= (float) f;
    g[i] *= (float) f;
    b[i] *= (float) f;
  }

  void blend(int i, int rgb, double a) {
    double k = 1 - a;
    r[i] = (float) (r[i] * k + ((rgb >> 16) & 255) * a);
    g[i] = (float) (g[i] * k + ((rgb >> 8) & 255) * a);
    b[i] = (float) (b[i] * k + (rgb & 255) * a);
  }

  /** Labels of the image area only (size x size), without the margin. */
  byte[] cropLabels() {
    byte[] out = new byte[size * size];
    for (int y = 0; y < size; y++) {
      System.arraycopy(l, (y + margin) * w + margin, out, y * size, size);
    }
    return out;
  }
}
