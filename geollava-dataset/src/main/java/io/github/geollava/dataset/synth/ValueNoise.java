package io.github.geollava.dataset.synth;

/**
 * Value noise on an integer lattice with smoothstep interpolation, summed over octaves (fractal
 * Brownian motion). Integer hashing and plain arithmetic only, so results are bit-identical everywhere.
 */
final class ValueNoise {
  private ValueNoise() {}

  /** Lattice value in [0, 1) for (seed, x, y). */
  static double lattice(long seed, int x, int y) {
    long h = SplitMix.mix(seed ^ (x * 0x632BE59BD9B4E019L) ^ (y * 0x85157AF5L));
    return (h >>> 11) * 0x1.0p-53;
  }

  /** Smooth noise in [0, 1) at a continuous point. */
  static double at(long seed, double x, double y) {
    int ix = (int) Math.floor(x);
    int iy = (int) Math.floor(y);
    double tx = x - ix;
    double ty = y - iy;
    double sx = tx * tx * (3 - 2 * tx);
    double sy = ty * ty * (3 - 2 * ty);
    double a = lattice(seed, ix, iy);
    double b = lattice(seed, ix + 1, iy);
    double c = lattice(seed, ix, iy + 1);
    double d = lattice(seed, ix + 1, iy + 1);
    double top = a + (b - a) * sx;
    double bottom = c + (d - c) * sx;
    return top + (bottom - top) * sy;
  }

  /**
   * A field of fractal noise over a w x h raster, normalised to roughly [0, 1].
   *
   * @param cell the lattice spacing of the first octave, in pixels
   * @param octaves number of octaves; each halves the cell and multiplies the amplitude by gain
   */
  static float[] field(long seed, int w, int h, double cell, int octaves, double gain) {
    float[] out = new float[w * h];
    double amp = 1;
    double total = 0;
    double c = cell;
    for (int o = 0; o < octaves; o++) {
      long s = SplitMix.mix(seed + o * 0x9E3779B97F4A7C15L);
      double inv = 1.0 / c;
      // Lattice rows are hashed once per lattice line, not once per pixel.
      int cols = (int) Math.floor((w - 1) * inv) + 2;
      double[] top = new double[cols];
      double[] bottom = new double[cols];
      int rowIy = Integer.MIN_VALUE;
      for (int y = 0; y < h; y++) {
        double fy = y * inv;
        int iy = (int) Math.floor(fy);
        if (iy != rowIy) {
          for (int k = 0; k < cols; k++) {
            top[k] = lattice(s, k, iy);
            bottom[k] = lattice(s, k, iy + 1);
          }
          rowIy = iy;
        }
        double ty = fy - iy;
        double sy = ty * ty * (3 - 2 * ty);
        int row = y * w;
        for (int x = 0; x < w; x++) {
          double fx = x * inv;
          int ix = (int) fx;
          double tx = fx - ix;
          double sx = tx * tx * (3 - 2 * tx);
          double a = top[ix] + (top[ix + 1] - top[ix]) * sx;
          double b = bottom[ix] + (bottom[ix + 1] - bottom[ix]) * sx;
          out[row + x] += (float) (amp * (a + (b - a) * sy));
        }
      }
      total += amp;
      amp *= gain;
      c = Math.max(1.0, c / 2);
    }
    float norm = (float) (1.0 / total);
    for (int i = 0; i < out.length; i++) {
      out[i] *= norm;
    }
    return out;
  }

  /** Per-pixel white noise in [0, 1), for grain and crowns. */
  static float[] grain(long seed, int w, int h) {
    float[] out = new float[w * h];
    SplitMix r = new SplitMix(seed);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) r.nextDouble();
    }
    return out;
  }
}
