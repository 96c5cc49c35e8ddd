package io.github.geollava.prune.select;

/**
 * Receives the keep mask of each tensor as a streaming selection produces it. Called from several
 * threads at once when the selection runs with parallelism above 1 (each tensor exactly once).
 */
@FunctionalInterface
public interface MaskSink {

  /**
   * One tensor's mask.
   *
   * @param index the tensor's index in the source
   * @param mask its keep mask, one byte per weight: 1 keep, 0 pruned (owned by the sink from now on)
   * @param pruned how many zeros the mask holds
   */
  void accept(int index, byte[] mask, long pruned);
}
