package io.github.geollava.core.generate;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Rewrites one row of next-token logits in place, given the ids so far. The factories follow the
 * semantics of the Hugging Face processors and warpers of the same names (transformers 4.45).
 */
@FunctionalInterface
public interface LogitsProcessor {

  /** Leaves the logits unchanged. */
  LogitsProcessor IDENTITY = (ids, promptLength, logits) -> {};

  /**
   * Rewrites the logits.
   *
   * @param ids the row's ids so far: the (left-padded) prompt followed by the new tokens
   * @param promptLength how many of {@code ids} are the prompt, padding included
   * @param logits the {@code V} next-token logits, changed in place
   */
  void process(long[] ids, int promptLength, float[] logits);

  /**
   * This processor, then the other.
   *
   * @param next the processor to run afterwards
   * @return the composition
   */
  default LogitsProcessor andThen(LogitsProcessor next) {
    Objects.requireNonNull(next, "next");
    return (ids, promptLength, logits) -> {
      process(ids, promptLength, logits);
      next.process(ids, promptLength, logits);
    };
  }

  /**
   * Hugging Face's {@code RepetitionPenaltyLogitsProcessor}: every distinct id already in the row (prompt
   * included, as in HF) has its logit divided by {@code penalty} when positive, multiplied when negative.
   *
   * @param penalty the penalty, {@code > 0}; 1 disables it
   * @return the processor
   */
  static LogitsProcessor repetitionPenalty(float penalty) {
    if (!(penalty > 0f) || Float.isInfinite(penalty)) {
      throw new IllegalArgumentException("repetitionPenalty must be a finite value > 0, got " + penalty);
    }
    if (penalty == 1f) {
      return IDENTITY;
    }
    return (ids, promptLength, logits) -> {
      BitSet seen = new BitSet(logits.length);
      for (long id : ids) {
        if (id >= 0 && id < logits.length && !seen.get((int) id)) {
          seen.set((int) id);
          float s = logits[(int) id];
          logits[(int) id] = s < 0 ? s * penalty : s / penalty;
        }
      }
    };
  }

  /**
   * Hugging Face's {@code MinNewTokensLengthLogitsProcessor}: the EOS ids get {@code -inf} until the row
   * has {@code minNewTokens} new tokens.
   *
   * @param minNewTokens the minimum number of new tokens
   * @param eosTokenIds the EOS ids to suppress
   * @return the processor
   */
  static LogitsProcessor minNewTokens(int minNewTokens, Collection<Long> eosTokenIds) {
    if (minNewTokens < 0) {
      throw new IllegalArgumentException("minNewTokens must be >= 0, got " + minNewTokens);
    }
    List<Long> eos = List.copyOf(eosTokenIds);
    if (minNewTokens == 0 || eos.isEmpty()) {
      return IDENTITY;
    }
    return (ids, promptLength, logits) -> {
      if (ids.length - promptLength < minNewTokens) {
        for (long id : eos) {
          if (id >= 0 && id < logits.length) {
            logits[(int) id] = Float.NEGATIVE_INFINITY;
          }
        }
      }
    };
  }

  /**
   * Hugging Face's {@code TemperatureLogitsWarper}: logits divided by the temperature.
   *
   * @param temperature the temperature, {@code > 0}
   * @return the processor
   */
  static LogitsProcessor temperature(float temperature) {
    if (!(temperature > 0f) || Float.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a finite value > 0, got " + temperature);
    }
    if (temperature == 1f) {
      return IDENTITY;
    }
    return (ids, promptLength, logits) -> {
      for (int i = 0; i < logits.length; i++) {
        logits[i] /= temperature;
      }
    };
  }

  /**
   * Hugging Face's {@code TopKLogitsWarper}: logits below the k-th largest become {@code -inf} (ties
   * with the k-th are kept).
   *
   * @param k how many to keep; 0 disables it
   * @return the processor
   */
  static LogitsProcessor topK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("topK must be >= 0, got " + k);
    }
    if (k == 0) {
      return IDENTITY;
    }
    return (ids, promptLength, logits) -> {
      if (k >= logits.length) {
        return;
      }
      float[] sorted = logits.clone();
      Arrays.sort(sorted);
      float kth = sorted[sorted.length - k];
      for (int i = 0; i < logits.length; i++) {
        if (logits[i] < kth) {
          logits[i] = Float.NEGATIVE_INFINITY;
        }
      }
    };
  }

  /**
   * Hugging Face's {@code TopPLogitsWarper} (nucleus): sorted ascending, the tokens whose cumulative
   * probability is at most {@code 1 - p} become {@code -inf}; the most likely token always stays.
   *
   * @param p the nucleus mass in (0, 1]; 1 disables it
   * @return the processor
   */
  static LogitsProcessor topP(float p) {
    if (!(p > 0f) || p > 1f) {
      throw new IllegalArgumentException("topP must be in (0, 1], got " + p);
    }
    if (p == 1f) {
      return IDENTITY;
    }
    return (ids, promptLength, logits) -> {
      int n = logits.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      // Ascending and stable, as torch.sort(descending=False) on distinct values.
      Arrays.sort(order, (a, b) -> Float.compare(logits[a], logits[b]));
      double[] probs = Softmax.probabilities(logits);
      double cumulative = 0;
      double threshold = 1.0 - p;
      for (int r = 0; r < n - 1; r++) { // the last (most likely) token is always kept
        cumulative += probs[order[r]];
        if (cumulative <= threshold) {
          logits[order[r]] = Float.NEGATIVE_INFINITY;
        } else {
          break;
        }
      }
    };
  }
}
