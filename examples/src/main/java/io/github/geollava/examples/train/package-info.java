/**
 * Efficient fine-tuning recipes on top of the core trainer: a {@link io.github.geollava.examples.train.Variant}
 * names what is done to the base (pruning, quantization, LoRA) and
 * {@link io.github.geollava.examples.train.Variants} does it, for training and for inference, in the one
 * order that keeps pruned weights zero: prune the real weights, quantize, inject adapters.
 */
package io.github.geollava.examples.train;
