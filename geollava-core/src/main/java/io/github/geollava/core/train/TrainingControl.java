package io.github.geollava.core.train;

/** Lets a listener end a run early; the trainer writes a checkpoint and returns normally. */
@FunctionalInterface
public interface TrainingControl {

  /**
   * Asks the trainer to stop after the current step.
   *
   * @param reason logged and kept in the result
   */
  void requestStop(String reason);
}
