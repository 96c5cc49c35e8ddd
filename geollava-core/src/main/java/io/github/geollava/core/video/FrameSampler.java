package io.github.geollava.core.video;

import java.util.ArrayList;
import java.util.List;

/**
 * Frame indices exactly as numpy's {@code np.linspace(start, end, n).astype(int)}, which LLaVA-NeXT-Video
 * and GeoLLaVA's reader use to pick frames (GeoLLaVA takes 2: the first and the last).
 */
public final class FrameSampler {

  private FrameSampler() {}

  /**
   * {@code np.linspace(start, end, n).astype(int)}: {@code n} evenly spaced values with both ends
   * included, truncated toward zero, computed in double precision as numpy does ({@code i * step +
   * start} with {@code step = (end - start) / (n - 1)}, the last value set to {@code end}).
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static int[] linspace(double start, double end, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("number of samples must be >= 0, got " + n);
    }
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    int div = n - 1;
    double delta = end - start;
    double step = div > 0 ? delta / div : Double.NaN;
    for (int i = 0; i < n; i++) {
      double y;
      if (div == 0) {
        y = start; // numpy: step is NaN, y = 0 * NaN ... then only start is returned for n = 1
      } else if (step == 0) {
        y = i / (double) div * delta + start;
      } else {
        y = i * step + start;
      }
      out[i] = (int) y;
    }
    if (n > 1) {
      out[n - 1] = (int) end;
    }
    return out;
  }

  /**
   * Indices of {@code n} frames spread over a video of {@code total} frames:
   * {@code linspace(0, total - 1, n)}.
   *
   * @throws IllegalArgumentException if {@code total < 1} or {@code n < 1}
   */
  public static int[] indices(int total, int n) {
    if (total < 1) {
      throw new IllegalArgumentException("a video needs at least 1 frame, got " + total);
    }
    if (n < 1) {
      throw new IllegalArgumentException("number of frames to sample must be >= 1, got " + n);
    }
    return linspace(0, total - 1, n);
  }

  /** The {@code n} items of {@code frames} at {@link #indices(int, int)}. */
  public static <T> List<T> sample(List<T> frames, int n) {
    List<T> out = new ArrayList<>(n);
    for (int i : indices(frames.size(), n)) {
      out.add(frames.get(i));
    }
    return out;
  }
}
