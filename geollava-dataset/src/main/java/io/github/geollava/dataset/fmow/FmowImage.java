package io.github.geollava.dataset.fmow;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One usable fMoW image found by {@link FmowScanner}: its place in the layout, its files, its
 * capture time and its size on disk (from a stat: the scanner never reads image bytes).
 *
 * @param split the split folder, e.g. {@code train}
 * @param category the category folder, e.g. {@code airport_hangar}
 * @param locationId the location folder, e.g. {@code airport_hangar_23}
 * @param imagePath the {@code _rgb.jpg} file
 * @param metadataPath the {@code _rgb.json} file
 * @param timestamp the capture time from the metadata
 * @param fileBytes the size of the image file in bytes
 * @param metadata the parsed metadata
 */
public record FmowImage(
    String split,
    String category,
    String locationId,
    Path imagePath,
    Path metadataPath,
    Instant timestamp,
    long fileBytes,
    FmowMetadata metadata) {

  /** Validates that every component is present and the size is not negative. */
  public FmowImage {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(locationId, "locationId");
    Objects.requireNonNull(imagePath, "imagePath");
    Objects.requireNonNull(metadataPath, "metadataPath");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(metadata, "metadata");
    if (fileBytes < 0) {
      throw new IllegalArgumentException("fileBytes: must be >= 0, found " + fileBytes);
    }
  }

  /**
   * The image file name, e.g. {@code airport_hangar_23_6_rgb.jpg}.
   *
   * @return the file name of {@link #imagePath()}
   */
  public String fileName() {
    return imagePath.getFileName().toString();
  }

  /**
   * The image file name without its extension and without the {@code _rgb} suffix, e.g.
   * {@code airport_hangar_23_6}: the part used in video names.
   *
   * @return the stem
   */
  public String stem() {
    String name = fileName();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return base.endsWith("_rgb") ? base.substring(0, base.length() - 4) : base;
  }
}
