package io.github.geollava.dataset.fmow;

import java.io.IOException;

/**
 * An fMoW metadata file that cannot be used: invalid JSON, a missing required field or a field of the
 * wrong shape. The message names the file and the field.
 */
public final class FmowFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the file. */
  public enum Problem {
    /** The file is not valid JSON (or not a JSON object). */
    SYNTAX,
    /** A required field is absent, {@code null} or blank. */
    MISSING_FIELD,
    /** A field is present but has the wrong type or an unparsable value. */
    INVALID_FIELD
  }

  private final Problem problem;
  private final String field;

  /**
   * Creates the exception.
   *
   * @param source the file (or other source) that was read
   * @param problem what is wrong
   * @param field the offending JSON field, {@code null} for {@link Problem#SYNTAX}
   * @param detail a human-readable explanation
   * @param cause the underlying exception, may be {@code null}
   */
  public FmowFormatException(
      String source, Problem problem, String field, String detail, Throwable cause) {
    super(source + ": " + (field == null ? "" : field + ": ") + detail, cause);
    this.problem = problem;
    this.field = field;
  }

  /**
   * What is wrong with the file.
   *
   * @return the problem kind
   */
  public Problem problem() {
    return problem;
  }

  /**
   * The offending JSON field.
   *
   * @return the field name, {@code null} for syntax errors
   */
  public String field() {
    return field;
  }
}
