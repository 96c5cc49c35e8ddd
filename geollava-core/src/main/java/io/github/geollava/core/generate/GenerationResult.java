package io.github.geollava.core.generate;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Generator#generate} produced: per row the new ids (prompt excluded, an EOS id kept as the
 * last id, no trailing padding), why the row stopped, and optionally each step's raw logits.
 */
public final class GenerationResult {

  private final List<long[]> sequences;
  private final List<FinishReason> reasons;
  private final float[][][] stepLogits; // (B, steps, V) or null

  GenerationResult(List<long[]> sequences, List<FinishReason> reasons, float[][][] stepLogits) {
    this.sequences = List.copyOf(sequences);
    this.reasons = List.copyOf(reasons);
    this.stepLogits = stepLogits;
  }

  /** The batch size. */
  public int batchSize() {
    return sequences.size();
  }

  /**
   * The new ids of a row.
   *
   * @param row the batch row
   * @return a copy of its new ids
   */
  public long[] sequence(int row) {
    return sequences.get(row).clone();
  }

  /** The new ids of every row (copies). */
  public long[][] sequences() {
    long[][] out = new long[sequences.size()][];
    for (int b = 0; b < out.length; b++) {
      out[b] = sequences.get(b).clone();
    }
    return out;
  }

  /**
   * Why a row stopped.
   *
   * @param row the batch row
   * @return the reason
   */
  public FinishReason finishReason(int row) {
    return reasons.get(row);
  }

  /** Whether step logits were kept ({@link GenerationOptions#returnStepLogits()}). */
  public boolean hasStepLogits() {
    return stepLogits != null;
  }

  /**
   * The raw logits (before any processor) the model gave a row at a step. Rows that finished early keep
   * logits only for their own steps.
   *
   * @param row the batch row
   * @param step the step, 0 for the first new token
   * @return a copy of the {@code V} logits
   */
  public float[] stepLogits(int row, int step) {
    if (stepLogits == null) {
      throw new IllegalStateException("step logits were not kept: set optReturnStepLogits(true)");
    }
    float[] l = stepLogits[row][step];
    Objects.requireNonNull(l, "no logits for row " + row + " step " + step);
    return l.clone();
  }
}
