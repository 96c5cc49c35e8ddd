/**
 * Fine-grained pruning of DJL block trees with persistent masks: {@link
 * io.github.geollava.prune.MagnitudePruner} (the GeoLLaVA paper's magnitude pruning, per layer or
 * global, plus N:M), {@link io.github.geollava.prune.wanda.WandaPruner} (activation-aware), the masks in
 * {@link io.github.geollava.prune.mask} and sparsity reports in {@link io.github.geollava.prune.report}.
 *
 * <p>Targets are {@code ai.djl.nn.core.Linear} weights found by Hugging Face module path. Pruning works
 * on real float weights: prune a model before quantizing it to NF4/FP4/INT8 (never the packed bytes);
 * a pruned weight stays exactly 0 through those formats because 0 maps to an exact code (NF4 code 7 is
 * 0.0; absmax scaling maps 0 to 0 in FP4 and INT8).
 */
package io.github.geollava.prune;
