package io.github.geollava.core.train;

/**
 * What happens to an example longer than {@link TrainingConfig#maxLength()}. Either way the trainer
 * counts and logs such examples: an answer is never cut silently.
 */
public enum OverflowPolicy {
  /** Keep the first {@code maxLength} tokens (the answer loses its end and its EOS). */
  TRUNCATE,
  /** Leave the example out of training. */
  DROP,
  /** Refuse to train, naming the first example that does not fit. */
  FAIL
}
