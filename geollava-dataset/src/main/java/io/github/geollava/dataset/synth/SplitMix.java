package io.github.geollava.dataset.synth;

import java.util.List;

/**
 * SplitMix64, written out here rather than borrowed from {@link java.util.SplittableRandom} so that the
 * stream of numbers is part of this code base and can never change with a JDK release.
 */
final class SplitMix {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  SplitMix(long seed) {
    this.state = seed;
  }

  /** A generator for one purpose of one location, independent of every other (seed, keys) stream. */
  static SplitMix of(long seed, long... keys) {
    long s = mix(seed ^ 0x5DEECE66DL);
    for (long k : keys) {
      s = mix(s + GOLDEN * (k + 1));
    }
    return new SplitMix(s);
  }

  /** The SplitMix64 finaliser: a bijective avalanche of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, 1) with 53 bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0, found " + bound);
    }
    // Multiply-shift on 31 random bits: bias below 2^-31 * bound, irrelevant here and branch-free.
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  int range(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  /** Uniform in [lo, hi). */
  double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  boolean chance(double p) {
    return nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  <T> T pick(T[] items) {
    return items[nextInt(items.length)];
  }
}
