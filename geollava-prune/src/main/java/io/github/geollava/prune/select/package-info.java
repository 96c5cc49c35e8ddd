/**
 * Exact selection of the weights to prune, on plain {@code float} arrays: how many (Python's
 * {@code round(s * n)}, half to even, as {@code torch.nn.utils.prune} computes it), which ones (the
 * smallest |w|, ties at the threshold broken by the lower row-major index), per tensor or across many
 * tensors streamed one at a time. No full sort: a two-level histogram over the IEEE-754 bit patterns of
 * |w| finds the threshold in two linear passes.
 */
package io.github.geollava.prune.select;
