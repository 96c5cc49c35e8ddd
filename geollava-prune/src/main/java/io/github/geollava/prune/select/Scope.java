package io.github.geollava.prune.select;

/** Where the pruning budget {@code round(s * n)} is counted. */
public enum Scope {
  /** Per tensor: each weight tensor loses {@code round(s * n_tensor)} weights. */
  LAYER,
  /**
   * Across all targeted tensors at once: {@code round(s * sum(n))} weights with the smallest |w| over
   * all of them. Ties at the threshold go to the earlier tensor in the source's order first, then to the
   * lower row-major index.
   */
  GLOBAL
}
