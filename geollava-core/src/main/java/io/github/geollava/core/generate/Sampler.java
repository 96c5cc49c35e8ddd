package io.github.geollava.core.generate;

import java.util.SplittableRandom;

/** Picks the next token from a processed logits row. */
@FunctionalInterface
public interface Sampler {

  /** Greedy: the largest logit, the lowest id on ties (as {@code torch.argmax}). */
  Sampler GREEDY =
      (logits, random) -> {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
          if (logits[i] > logits[best]) {
            best = i;
          }
        }
        return best;
      };

  /** Sampling: one draw from {@code softmax(logits)} (as {@code torch.multinomial(probs, 1)}). */
  Sampler MULTINOMIAL =
      (logits, random) -> {
        double[] p = Softmax.probabilities(logits);
        double u = random.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
          if (p[i] > 0) {
            cumulative += p[i];
            last = i;
            if (u < cumulative) {
              return i;
            }
          }
        }
        return last; // rounding left u at or above the total: take the last possible token
      };

  /**
   * Picks a token.
   *
   * @param logits the processed logits of one row
   * @param random the generation's random source, seeded from the options
   * @return the token id
   */
  int sample(float[] logits, SplittableRandom random);
}
