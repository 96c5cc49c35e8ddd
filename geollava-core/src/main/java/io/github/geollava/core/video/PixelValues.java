package io.github.geollava.core.video;

/**
 * Processed frames of one video with their dimensions.
 *
 * @param data {@code frames x 3 x height x width} floats, row-major {@code (T, 3, H, W)}; not copied
 * @param frames T
 * @param height H
 * @param width W
 */
public record PixelValues(float[] data, int frames, int height, int width) {

  /** Checks that the sizes agree. */
  public PixelValues {
    if ((long) frames * 3 * height * width != data.length) {
      throw new IllegalArgumentException("pixel values of " + frames + " x 3 x " + height + " x "
          + width + " need " + (long) frames * 3 * height * width + " floats, got " + data.length);
    }
  }

  /** The shape {@code (T, 3, H, W)}. */
  public long[] shape() {
    return new long[] {frames, 3, height, width};
  }
}
