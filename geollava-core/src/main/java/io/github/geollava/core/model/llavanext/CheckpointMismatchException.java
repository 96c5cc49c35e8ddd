package io.github.geollava.core.model.llavanext;

import ai.djl.MalformedModelException;
import java.util.List;

/**
 * A checkpoint does not fit its config: keys the model needs are missing, keys the model does not know
 * are present, or shapes differ. The message lists all of them (the first 20 of each kind).
 */
public final class CheckpointMismatchException extends MalformedModelException {

  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 20;

  private final List<String> missing;
  private final List<String> unexpected;
  private final List<String> shapeMismatches;

  /**
   * Creates the exception.
   *
   * @param source the checkpoint folder or file
   * @param missing keys the model needs that the checkpoint lacks
   * @param unexpected checkpoint keys the model does not use
   * @param shapeMismatches one line per key, "key: checkpoint [..] vs model [..]"
   */
  public CheckpointMismatchException(String source, List<String> missing, List<String> unexpected,
      List<String> shapeMismatches) {
    super(message(source, missing, unexpected, shapeMismatches));
    this.missing = List.copyOf(missing);
    this.unexpected = List.copyOf(unexpected);
    this.shapeMismatches = List.copyOf(shapeMismatches);
  }

  /** Keys the model needs that the checkpoint lacks. */
  public List<String> missing() {
    return missing;
  }

  /** Checkpoint keys the model does not use. */
  public List<String> unexpected() {
    return unexpected;
  }

  /** Keys whose shapes differ, with both shapes. */
  public List<String> shapeMismatches() {
    return shapeMismatches;
  }

  private static String message(String source, List<String> missing, List<String> unexpected,
      List<String> shapes) {
    StringBuilder sb = new StringBuilder("checkpoint ").append(source)
        .append(" does not match its config.json:");
    part(sb, "missing keys", missing);
    part(sb, "unexpected keys", unexpected);
    part(sb, "shape mismatches", shapes);
    return sb.toString();
  }

  private static void part(StringBuilder sb, String what, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    sb.append("\n  ").append(items.size()).append(' ').append(what).append(": ")
        .append(String.join(", ", items.subList(0, Math.min(SHOWN, items.size()))));
    if (items.size() > SHOWN) {
      sb.append(", ...");
    }
  }
}
