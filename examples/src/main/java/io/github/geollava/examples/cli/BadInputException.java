package io.github.geollava.examples.cli;

/**
 * Thrown by a subcommand when its input is unusable; the command line reports the message on one
 * line and exits with status 2.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message must name the offending file, field or line. */
  public BadInputException(String message) {
    super(message);
  }

  /** Creates the exception with its cause; the message must name the offending file, field or line. */
  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
