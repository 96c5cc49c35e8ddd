package io.github.geollava.dataset.fmow;

/**
 * One entry of an fMoW {@code bounding_boxes} field: {@code {"ID", "box": [x, y, w, h], "category",
 * "visible"}}, in pixels of the image.
 *
 * @param id the fMoW box identifier ({@code ID})
 * @param x left edge in pixels
 * @param y top edge in pixels
 * @param width width in pixels
 * @param height height in pixels
 * @param category the fMoW category of the box (may be {@code null} when the file has none)
 * @param visible whether the object is visible in this image
 */
public record BoundingBox(
    long id, int x, int y, int width, int height, String category, boolean visible) {

  /** Validates the box geometry. */
  public BoundingBox {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException(
          "box: width and height must be >= 0, found [" + x + ", " + y + ", " + width + ", " + height
              + "] for ID " + id);
    }
  }

  /**
   * The box as fMoW writes it.
   *
   * @return {@code [x, y, width, height]}
   */
  public int[] box() {
    return new int[] {x, y, width, height};
  }
}
