package io.github.geollava.core.train;

/** Which positions the loss is computed on. */
public enum LabelMode {
  /** Only the answer and its end-of-sequence token; prompt, video and padding are {@code -100}. */
  ANSWER_ONLY,
  /**
   * Every real token, as the original GeoLLaVA notebooks do ({@code labels = input_ids} with padding
   * set to {@code -100}); the model then also learns to reproduce prompts.
   */
  WHOLE_SEQUENCE
}
