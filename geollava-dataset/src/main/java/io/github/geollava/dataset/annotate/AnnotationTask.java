package io.github.geollava.dataset.annotate;

import io.github.geollava.dataset.pairs.PairRow;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One pair to caption.
 *
 * @param id the record id (the checkpoint key)
 * @param video the video name the caption belongs to
 * @param image1 the earlier image
 * @param image2 the later image
 */
public record AnnotationTask(String id, String video, Path image1, Path image2) {

  /** Checks that every component is present. */
  public AnnotationTask {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id: missing or blank");
    }
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(image1, "image1");
    Objects.requireNonNull(image2, "image2");
  }

  /**
   * The task of a pairs-sheet row; relative image paths are resolved against {@code base}.
   *
   * @param row the row
   * @param base the folder relative paths are relative to
   * @return the task
   */
  public static AnnotationTask of(PairRow row, Path base) {
    return new AnnotationTask(
        row.id(), row.videoName(), base.resolve(row.imagePath1()), base.resolve(row.imagePath2()));
  }
}
