package io.github.geollava.core.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link CaptionTrainer#fit}.
 *
 * @param steps optimizer steps done in total (including those before a resumption)
 * @param totalSteps steps the run was planned for
 * @param resumedFromStep the step the run resumed from, 0 for a fresh run
 * @param stepLosses the loss of every step of this process, in order
 * @param validations every validation pass of this process
 * @param finalLoss the loss of the last step
 * @param trainableParameters elements of the parameters that were trained
 * @param examples training examples used
 * @param truncated examples cut to {@code maxLength}
 * @param dropped examples left out because they did not fit
 * @param skippedSteps steps whose update was skipped for a non-finite loss or gradient (logged)
 * @param tokens tokens processed by this process
 * @param seconds wall time of this process's training (data preparation excluded)
 * @param stopReason why the run ended early, or null when it completed
 * @param lastCheckpoint the last checkpoint written, or null when none
 */
public record TrainingResult(
    long steps,
    long totalSteps,
    long resumedFromStep,
    List<Double> stepLosses,
    List<ValidationStats> validations,
    double finalLoss,
    long trainableParameters,
    int examples,
    int truncated,
    int dropped,
    int skippedSteps,
    long tokens,
    double seconds,
    String stopReason,
    Path lastCheckpoint) {

  /** Copies the lists. */
  public TrainingResult {
    stepLosses = List.copyOf(stepLosses);
    validations = List.copyOf(validations);
  }

  /** Whether the run did every planned step. */
  public boolean completed() {
    return steps >= totalSteps;
  }

  /** The last validation loss, or NaN when there was none. */
  public double lastValidationLoss() {
    return validations.isEmpty() ? Double.NaN : validations.get(validations.size() - 1).loss();
  }
}
