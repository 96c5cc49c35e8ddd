package io.github.geollava.dataset.annotate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Captions a pair of images of the same place taken at two times. Implementations must be safe to
 * call from several threads at once ({@link BatchAnnotator} does).
 */
@FunctionalInterface
public interface AnnotationClient {

  /** The prompt the GeoLLaVA authors sent with each image pair. */
  String PAPER_PROMPT =
      "Briefly describe each image independently, then explain the changes happening between them.";

  /**
   * Captions two images.
   *
   * @param before the earlier image
   * @param after the later image
   * @param prompt the instruction
   * @return the caption text
   * @throws IOException when an image cannot be read or the service fails for good
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  String describe(Path before, Path after, String prompt) throws IOException, InterruptedException;

  /**
   * Captions two images with {@link #PAPER_PROMPT}.
   *
   * @param before the earlier image
   * @param after the later image
   * @return the caption text
   * @throws IOException when an image cannot be read or the service fails for good
   * @throws InterruptedException when interrupted while waiting
   */
  default String describe(Path before, Path after) throws IOException, InterruptedException {
    return describe(before, after, PAPER_PROMPT);
  }
}
