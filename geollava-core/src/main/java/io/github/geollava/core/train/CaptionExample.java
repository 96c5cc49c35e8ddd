package io.github.geollava.core.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One training or validation example: a video (an mp4, a folder of frames or a single image, read with
 * {@link io.github.geollava.core.video.VideoFrames#read}), the user's prompt (without the
 * {@code <video>} placeholder, which the chat template adds) and the expected answer.
 *
 * @param id a stable identifier, used in messages
 * @param video the frames' source
 * @param prompt the instruction
 * @param answer the caption to learn
 */
public record CaptionExample(String id, Path video, String prompt, String answer) {

  /** Checks that every field is present and the answer is not blank. */
  public CaptionExample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(video, "video of " + id);
    Objects.requireNonNull(prompt, "prompt of " + id);
    Objects.requireNonNull(answer, "answer of " + id);
    if (answer.isBlank()) {
      throw new IllegalArgumentException("example " + id + ": answer is blank");
    }
  }
}
