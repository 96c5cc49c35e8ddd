/**
 * Sparsity reports per tensor and overall, as a text table and JSON: parameters, zeros, sparsity, and
 * what a bitmap or CSR encoding of the pruned weights would take on disk or in memory.
 */
package io.github.geollava.prune.report;
