package io.github.geollava.dataset.annotate;

import java.io.IOException;

/** The annotation service refused a request or answered something unusable. */
public final class AnnotationException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status, or -1 when there was no usable response
   * @param message what failed, naming the endpoint and the images
   * @param cause the underlying exception, may be null
   */
  public AnnotationException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /**
   * The HTTP status of the last response.
   *
   * @return the status, or -1 when there was none
   */
  public int status() {
    return status;
  }
}
