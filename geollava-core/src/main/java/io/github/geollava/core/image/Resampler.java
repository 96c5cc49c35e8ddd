package io.github.geollava.core.image;

/**
 * PIL's {@code Image.resize} for 8-bit RGB images, reproduced operation by operation from
 * {@code libImaging/Resample.c} (Pillow 9.x, unchanged since 7.0) so results are identical to the
 * byte:
 *
 * <ul>
 *   <li>separable: a horizontal pass (only when the width changes), rounded to uint8, then a vertical
 *       pass (only when the height changes);
 *   <li>per output pixel, the kernel is stretched by the scale when downscaling (antialiasing): support
 *       {@code filter.support x max(1, in / out)}, centre {@code (i + 0.5) x scale}, taps from
 *       {@code (int)(centre - support + 0.5)} to {@code (int)(centre + support + 0.5)}, clipped to the
 *       image, weights normalised to sum 1;
 *   <li>weights rounded to 22-bit fixed point (half away from zero), accumulated in a 32-bit int that
 *       starts at one half, shifted right by 22 and clamped to 0..255.
 * </ul>
 */
public final class Resampler {

  private static final int PRECISION_BITS = 32 - 8 - 2;

  private Resampler() {}

  /** Per output pixel: first tap, number of taps, fixed-point weights ({@code ksize} per pixel). */
  private record Coefficients(int ksize, int[] first, int[] count, int[] weights) {}

  /**
   * Resizes like {@code PIL.Image.resize((width, height), filter)} on an RGB image.
   *
   * @param in the source
   * @param width output width, at least 1
   * @param height output height, at least 1
   * @param filter the resampling filter
   * @return a new image (a copy when the size is unchanged, as PIL returns)
   */
  public static RgbImage resize(RgbImage in, int width, int height, ResampleFilter filter) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("output size must be at least 1x1, got " + width + "x" + height);
    }
    RgbImage cur = in;
    if (width != in.width()) {
      cur = horizontal(cur, width, coefficients(in.width(), width, filter));
    }
    if (height != in.height()) {
      cur = vertical(cur, height, coefficients(in.height(), height, filter));
    }
    return cur == in ? in.copy() : cur;
  }

  private static Coefficients coefficients(int inSize, int outSize, ResampleFilter filter) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = filter.support() * filterScale;
    int ksize = (int) Math.ceil(support) * 2 + 1;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    int[] weights = new int[outSize * ksize];
    double[] k = new double[ksize];
    for (int xx = 0; xx < outSize; xx++) {
      double center = (xx + 0.5) * scale;
      double ss = 1.0 / filterScale;
      int xmin = (int) (center - support + 0.5);
      if (xmin < 0) {
        xmin = 0;
      }
      int xmax = (int) (center + support + 0.5);
      if (xmax > inSize) {
        xmax = inSize;
      }
      xmax -= xmin;
      double ww = 0.0;
      for (int x = 0; x < xmax; x++) {
        double w = filter.weight((x + xmin - center + 0.5) * ss);
        k[x] = w;
        ww += w;
      }
      for (int x = 0; x < xmax; x++) {
        if (ww != 0.0) {
          k[x] /= ww;
        }
        double v = k[x] * (1 << PRECISION_BITS);
        weights[xx * ksize + x] = (int) (k[x] < 0 ? -0.5 + v : 0.5 + v);
      }
      first[xx] = xmin;
      count[xx] = xmax;
    }
    return new Coefficients(ksize, first, count, weights);
  }

  private static int clip8(int ss) {
    int v = ss >> PRECISION_BITS;
    return v < 0 ? 0 : Math.min(v, 255);
  }

  private static RgbImage horizontal(RgbImage in, int outW, Coefficients c) {
    int w = in.width();
    int h = in.height();
    byte[] src = in.data();
    byte[] dst = new byte[outW * h * 3];
    int[] kk = c.weights();
    int half = 1 << (PRECISION_BITS - 1);
    for (int y = 0; y < h; y++) {
      int row = y * w * 3;
      int out = y * outW * 3;
      for (int xx = 0; xx < outW; xx++) {
        int xmin = c.first()[xx];
        int n = c.count()[xx];
        int kOff = xx * c.ksize();
        int ss0 = half;
        int ss1 = half;
        int ss2 = half;
        int p = row + xmin * 3;
        for (int x = 0; x < n; x++, p += 3) {
          int k = kk[kOff + x];
          ss0 += (src[p] & 0xff) * k;
          ss1 += (src[p + 1] & 0xff) * k;
          ss2 += (src[p + 2] & 0xff) * k;
        }
        dst[out++] = (byte) clip8(ss0);
        dst[out++] = (byte) clip8(ss1);
        dst[out++] = (byte) clip8(ss2);
      }
    }
    return new RgbImage(outW, h, dst);
  }

  private static RgbImage vertical(RgbImage in, int outH, Coefficients c) {
    int w = in.width();
    byte[] src = in.data();
    byte[] dst = new byte[w * outH * 3];
    int[] kk = c.weights();
    int half = 1 << (PRECISION_BITS - 1);
    int stride = w * 3;
    int[] acc = new int[stride];
    for (int yy = 0; yy < outH; yy++) {
      int ymin = c.first()[yy];
      int n = c.count()[yy];
      int kOff = yy * c.ksize();
      java.util.Arrays.fill(acc, half);
      // row by row keeps the inner loop contiguous in memory; the sum is the same integer sum
      for (int y = 0; y < n; y++) {
        int k = kk[kOff + y];
        int row = (ymin + y) * stride;
        for (int i = 0; i < stride; i++) {
          acc[i] += (src[row + i] & 0xff) * k;
        }
      }
      int out = yy * stride;
      for (int i = 0; i < stride; i++) {
        dst[out + i] = (byte) clip8(acc[i]);
      }
    }
    return new RgbImage(w, outH, dst);
  }
}
