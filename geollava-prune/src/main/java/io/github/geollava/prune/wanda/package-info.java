/**
 * Activation-aware pruning beyond the paper: Wanda (Sun et al., 2023, "A Simple and Effective Pruning
 * Approach for Large Language Models") scores each weight by {@code |W_ij| * ||X_j||_2}, the L2 norm of
 * its input channel over calibration activations, and prunes the lowest scores within each output row;
 * the same scores drive N:M semi-structured sparsity.
 */
package io.github.geollava.prune.wanda;
