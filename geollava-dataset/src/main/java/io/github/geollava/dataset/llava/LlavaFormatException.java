package io.github.geollava.dataset.llava;

import java.io.IOException;

/** A LLaVA annotation file that cannot be read; the message names the file, the line and the id. */
public final class LlavaFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the message, naming file, line or record id
   * @param cause the underlying exception, may be null
   */
  public LlavaFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
