package io.github.geollava.dataset.synth;

/**
 * Turns a canonical canvas into the acquired image: misregistration shift and gsd zoom (bilinear
 * resampling), sun illumination, channel gains, haze, thin cloud and sensor noise.
 */
final class Photometry {
  private Photometry() {}

  /** The acquired pixels and how much of them thin cloud covers. */
  record Acquired(int[] rgb, int cloudPercent) {}

  static Acquired apply(Canvas c, Nuisance n) {
    int size = c.size;
    int[] out = new int[size * size];
    double centre = c.margin + size / 2.0;
    double inv = 1 / n.zoom();
    double light = 0.82 + 0.22 * StrictMath.sin(StrictMath.toRadians(n.sunElevation()));
    double gr = light * n.gainR();
    double gg = light * n.gainG();
    double gb = light * n.gainB();
    double haze = n.haze();
    float[] cloud = cloudField(size, n);
    SplitMix noise = new SplitMix(n.seed() ^ 0x6E6F697365L);
    int clouded = 0;
    for (int y = 0; y < size; y++) {
      double sy = (c.margin + y + 0.5 - centre) * inv + centre - 0.5 - n.shiftY();
      int iy = (int) Math.floor(sy);
      double fy = sy - iy;
      iy = Math.max(0, Math.min(c.w - 2, iy));
      for (int x = 0; x < size; x++) {
        double sx = (c.margin + x + 0.5 - centre) * inv + centre - 0.5 - n.shiftX();
        int ix = (int) Math.floor(sx);
        double fx = sx - ix;
        ix = Math.max(0, Math.min(c.w - 2, ix));
        int i = iy * c.w + ix;
        double w00 = (1 - fx) * (1 - fy);
        double w10 = fx * (1 - fy);
        double w01 = (1 - fx) * fy;
        double w11 = fx * fy;
        double r = c.r[i] * w00 + c.r[i + 1] * w10 + c.r[i + c.w] * w01 + c.r[i + c.w + 1] * w11;
        double g = c.g[i] * w00 + c.g[i + 1] * w10 + c.g[i + c.w] * w01 + c.g[i + c.w + 1] * w11;
        double b = c.b[i] * w00 + c.b[i + 1] * w10 + c.b[i + c.w] * w01 + c.b[i + c.w + 1] * w11;
        r *= gr;
        g *= gg;
        b *= gb;
        r = r * (1 - haze) + 196 * haze;
        g = g * (1 - haze) + 202 * haze;
        b = b * (1 - haze) + 214 * haze;
        double a = cloud == null ? 0 : cloud[y * size + x];
        if (a > 0) {
          r = r * (1 - a) + 242 * a;
          g = g * (1 - a) + 243 * a;
          b = b * (1 - a) + 246 * a;
          clouded += a > 0.15 ? 1 : 0;
        }
        // Sensor noise: a triangular-distributed value per channel (sum of two uniforms).
        long bits = noise.nextLong();
        double nr = (((bits & 0xFFFF) + ((bits >>> 16) & 0xFFFF)) / 65535.0 - 1) * n.noise() * 1.7;
        double ng = ((((bits >>> 32) & 0xFF) + ((bits >>> 40) & 0xFF)) / 255.0 - 1) * n.noise()
            * 1.7;
        double nb = ((((bits >>> 48) & 0xFF) + ((bits >>> 56) & 0xFF)) / 255.0 - 1) * n.noise()
            * 1.7;
        out[y * size + x] = (clip(r + nr) << 16) | (clip(g + ng) << 8) | clip(b + nb);
      }
    }
    return new Acquired(out, (int) Math.round(100.0 * clouded / (size * size)));
  }

  /** Thin cloud opacity per pixel from a coarse noise grid, or null on a clear day. */
  private static float[] cloudField(int size, Nuisance n) {
    if (n.cloud() <= 0) {
      return null;
    }
    int step = 4;
    int g = size / step + 2;
    float[] coarse = ValueNoise.field(n.seed(), g, g, g / 2.5, 3, 0.5);
    float[] out = new float[size * size];
    for (int y = 0; y < size; y++) {
      double cy = (double) y / step;
      int iy = (int) cy;
      double fy = cy - iy;
      for (int x = 0; x < size; x++) {
        double cx = (double) x / step;
        int ix = (int) cx;
        double fx = cx - ix;
        int k = iy * g + ix;
        double v = coarse[k] * (1 - fx) * (1 - fy) + coarse[k + 1] * fx * (1 - fy)
            + coarse[k + g] * (1 - fx) * fy + coarse[k + g + 1] * fx * fy;
        double a = SceneRenderer.clamp01((v - 0.45) * 4) * n.cloud();
        out[y * size + x] = (float) a;
      }
    }
    return out;
  }

  private static int clip(double v) {
    // Same as Math.round after clipping (v + 0.5 truncated is floor(v + 0.5) for v >= -0.5).
    int i = (int) (v + 0.5);
    return i < 0 ? 0 : (i > 255 ? 255 : i);
  }
}
