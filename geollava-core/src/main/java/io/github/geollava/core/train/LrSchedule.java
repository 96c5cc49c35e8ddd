package io.github.geollava.core.train;

/**
 * Learning-rate multiplier over training, as Hugging Face's {@code get_*_schedule_with_warmup}: linear
 * warmup from 0 to 1 over the warmup steps, then constant, linear decay to 0, or half-cosine decay to 0
 * at the last step.
 */
public enum LrSchedule {
  /** Warmup, then the full rate. */
  CONSTANT,
  /** Warmup, then linear decay to 0 ({@code get_linear_schedule_with_warmup}). */
  LINEAR,
  /** Warmup, then half a cosine down to 0 ({@code get_cosine_schedule_with_warmup}). */
  COSINE;

  /**
   * The multiplier of the base rate for an optimizer step.
   *
   * @param step the 0-based step about to be taken
   * @param warmupSteps warmup steps (0 for none)
   * @param totalSteps all steps of the run
   * @return the factor in [0, 1]
   */
  public double factor(long step, long warmupSteps, long totalSteps) {
    if (step < warmupSteps) {
      return (double) step / Math.max(1, warmupSteps);
    }
    double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
    return switch (this) {
      case CONSTANT -> 1.0;
      case LINEAR -> Math.max(0.0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
      case COSINE -> Math.max(0.0, 0.5 * (1.0 + Math.cos(Math.PI * progress)));
    };
  }
}
