package io.github.geollava.core.train;

import java.nio.file.Path;

/**
 * Hooks into a {@link CaptionTrainer} run. Every method has an empty default. {@link #afterStep} runs
 * right after each optimizer update, before anything else reads the weights: the place to re-apply
 * pruning masks (e.g. {@code maskListener.reapply(model.block())} from geollava-prune).
 */
public interface TrainingListener {

  /**
   * Called once before the first step (also when resuming).
   *
   * @param totalSteps steps of the whole run
   * @param startStep steps already done (non-zero when resumed)
   */
  default void onStart(long totalSteps, long startStep) {}

  /**
   * Called after each optimizer step.
   *
   * @param stats the step's figures
   * @param control to stop early
   */
  default void afterStep(StepStats stats, TrainingControl control) {}

  /**
   * Called after each validation pass.
   *
   * @param stats the validation figures
   * @param control to stop early
   */
  default void onValidation(ValidationStats stats, TrainingControl control) {}

  /**
   * Called after a checkpoint is complete on disk.
   *
   * @param dir the checkpoint folder
   * @param step its step
   */
  default void onCheckpoint(Path dir, long step) {}

  /**
   * Called once at the end, also after an early stop.
   *
   * @param result the run's result
   */
  default void onEnd(TrainingResult result) {}
}
