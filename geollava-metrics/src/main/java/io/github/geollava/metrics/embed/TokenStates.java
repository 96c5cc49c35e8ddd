package io.github.geollava.metrics.embed;

import java.util.Arrays;

/**
 * The encoder's output for one text: token ids, which tokens are special ([CLS], [SEP], {@code <s>},
 * ...), and the hidden state of every token. Letters: T tokens, C channels (hidden size).
 *
 * @param ids the token ids, length T
 * @param special whether each token was added by the tokenizer's post-processor, length T
 * @param states the hidden states, row-major (T, C)
 * @param dim C, the hidden size
 */
public record TokenStates(long[] ids, boolean[] special, float[] states, int dim) {

  /** Validates the shapes. */
  public TokenStates {
    if (dim <= 0) {
      throw new IllegalArgumentException("dim must be positive, got " + dim);
    }
    if (special.length != ids.length || states.length != ids.length * dim) {
      throw new IllegalArgumentException(
          "inconsistent token states: "
              + ids.length
              + " ids, "
              + special.length
              + " special flags, "
              + states.length
              + " state values for dim "
              + dim);
    }
  }

  /** T, the number of tokens. */
  public int length() {
    return ids.length;
  }

  /** A copy of the hidden state of token {@code t}, length C. */
  public float[] row(int t) {
    return Arrays.copyOfRange(states, t * dim, (t + 1) * dim);
  }
}
