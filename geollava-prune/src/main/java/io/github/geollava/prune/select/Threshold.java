package io.github.geollava.prune.select;

/**
 * The outcome of a magnitude selection: prune every weight whose |w| bit pattern is below
 * {@code tauBits}, plus the first {@code tiesToPrune} weights (in the selection's tie order) whose
 * |w| equals the threshold; keep everything else.
 *
 * <p>|w| bit patterns ({@code floatToRawIntBits(w) & 0x7fffffff}) order non-negative floats exactly as
 * their values do, so comparing bits is comparing magnitudes, with {@code -0.0} and {@code 0.0} equal.
 *
 * @param tauBits the bit pattern of the threshold magnitude tau, or -1 when nothing is pruned
 * @param below how many weights have |w| strictly below tau (all pruned)
 * @param tiesToPrune how many weights with |w| equal to tau are pruned, lowest index first
 */
public record Threshold(int tauBits, long below, long tiesToPrune) {

  /** Validates the fields. */
  public Threshold {
    if (tauBits < -1 || tauBits > MagnitudeSelector.INFINITY_BITS) {
      throw new IllegalArgumentException("tauBits must be -1 or a finite/infinite |w| pattern, got " + tauBits);
    }
    if (below < 0 || tiesToPrune < 0) {
      throw new IllegalArgumentException(
          "below and tiesToPrune must be >= 0, got " + below + " and " + tiesToPrune);
    }
    if (tauBits == -1 && (below != 0 || tiesToPrune != 0)) {
      throw new IllegalArgumentException("the empty threshold prunes nothing, got below=" + below
          + " tiesToPrune=" + tiesToPrune);
    }
  }

  /** The threshold that prunes nothing. */
  public static Threshold none() {
    return new Threshold(-1, 0, 0);
  }

  /** The threshold magnitude tau as a float, or NaN when nothing is pruned. */
  public float tau() {
    return tauBits < 0 ? Float.NaN : Float.intBitsToFloat(tauBits);
  }

  /** How many weights this threshold prunes in total. */
  public long pruned() {
    return below + tiesToPrune;
  }
}
