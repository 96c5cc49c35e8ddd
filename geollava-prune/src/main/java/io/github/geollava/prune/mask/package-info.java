/**
 * Pruning masks as explicit state: one uint8 keep mask per pruned weight (1 keep, 0 pruned), saved as
 * safetensors under {@code <module path>.weight_mask} with provenance in {@code __metadata__}, and
 * re-applied ({@code weight *= mask}) to a DJL block tree at inference and after every optimizer step.
 */
package io.github.geollava.prune.mask;
