package io.github.geollava.dataset.pairs;

import java.nio.charset.StandardCharsets;

/**
 * A fixed, documented hash of (seed, text) to 64 bits, used wherever the dataset module needs a
 * "random" choice that must be identical across runs, JVM versions and platforms: FNV-1a over the
 * UTF-8 bytes, started from a SplitMix64-mixed seed, finished with the SplitMix64 finaliser. Neither
 * {@link String#hashCode()} nor {@link java.util.Random} is involved, so nothing depends on iteration
 * order or on a JDK implementation detail.
 */
public final class SeededHash {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SeededHash() {}

  /**
   * Hashes a text under a seed.
   *
   * @param seed the seed
   * @param text the text (e.g. a video name or a record id)
   * @return 64 well-mixed bits; compare them with {@link Long#compareUnsigned(long, long)}
   */
  public static long of(long seed, String text) {
    long h = FNV_OFFSET ^ mix64(seed);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return mix64(h ^ bytes.length);
  }

  /**
   * A choice in {@code [0, bound)} determined by (seed, text).
   *
   * @param seed the seed
   * @param text the text
   * @param bound the number of choices, at least 1
   * @return the chosen index
   */
  public static int index(long seed, String text, int bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound: must be >= 1, found " + bound);
    }
    // Multiply-high maps the 64 bits onto [0, bound) with a bias below 2^-58 for small bounds.
    return (int) Math.multiplyHigh(of(seed, text) >>> 1, (long) bound << 1);
  }

  /**
   * The SplitMix64 finaliser (Steele, Lea and Flood, 2014).
   *
   * @param z any 64 bits
   * @return the mixed bits
   */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
