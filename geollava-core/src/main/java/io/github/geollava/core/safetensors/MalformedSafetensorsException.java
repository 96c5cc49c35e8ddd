package io.github.geollava.core.safetensors;

import ai.djl.MalformedModelException;
import java.nio.file.Path;

/**
 * A safetensors file (or a sharded checkpoint's index) that breaks the format; the message names the
 * file and, where one is to blame, the tensor.
 */
public class MalformedSafetensorsException extends MalformedModelException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String tensor;

  /**
   * Creates the exception.
   *
   * @param file the offending file
   * @param tensor the offending tensor, or {@code null} when the problem is not tied to one
   * @param problem what is wrong, what was expected and what was found
   */
  public MalformedSafetensorsException(Path file, String tensor, String problem) {
    super(format(file, tensor, problem));
    this.file = file;
    this.tensor = tensor;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param file the offending file
   * @param tensor the offending tensor, or {@code null}
   * @param problem what is wrong
   * @param cause the underlying parser error
   */
  public MalformedSafetensorsException(Path file, String tensor, String problem, Throwable cause) {
    super(format(file, tensor, problem), cause);
    this.file = file;
    this.tensor = tensor;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }

  /** The offending tensor, or {@code null} when the problem concerns the file as a whole. */
  public String tensor() {
    return tensor;
  }

  private static String format(Path file, String tensor, String problem) {
    return "malformed safetensors file " + file + (tensor == null ? "" : ", tensor '" + tensor + "'")
        + ": " + problem;
  }
}
