package io.github.geollava.core.image;

import java.io.IOException;
import java.nio.file.Path;

/** An image file that cannot be decoded; the message names the file and the decoder's complaint. */
public class CorruptImageException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * Creates the exception.
   *
   * @param file the offending file
   * @param problem what went wrong
   * @param cause the decoder's exception, or {@code null}
   */
  public CorruptImageException(Path file, String problem, Throwable cause) {
    super("cannot decode image " + file + ": " + problem, cause);
    this.file = file;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }
}
