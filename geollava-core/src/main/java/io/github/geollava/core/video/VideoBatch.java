package io.github.geollava.core.video;

import ai.djl.ndarray.NDArray;

/**
 * Several videos as one tensor, padded to the longest.
 *
 * @param pixelValues {@code (B, T, 3, H, W)} float32, padding frames all zero
 * @param frameMask {@code (B, T)} boolean, true for real frames
 * @param frameCounts the number of real frames per video
 */
public record VideoBatch(NDArray pixelValues, NDArray frameMask, int[] frameCounts) {

  /** Validates the shapes agree. */
  public VideoBatch {
    long b = pixelValues.getShape().get(0);
    if (frameMask.getShape().get(0) != b || frameCounts.length != b) {
      throw new IllegalArgumentException("batch sizes differ: pixel values " + pixelValues.getShape()
          + ", mask " + frameMask.getShape() + ", counts " + frameCounts.length);
    }
    frameCounts = frameCounts.clone();
  }

  /** The number of real frames per video (a copy). */
  @Override
  public int[] frameCounts() {
    return frameCounts.clone();
  }
}
