/**
 * Safetensors IO compatible with the Rust reference implementation ({@code safetensors} 0.4.x) and the
 * files Hugging Face's {@code save_pretrained} writes.
 *
 * <p>{@link io.github.geollava.core.safetensors.SafetensorsFile} validates a header strictly and reads
 * tensors lazily from a memory map (files larger than 2 GiB are mapped per tensor);
 * {@link io.github.geollava.core.safetensors.SafetensorsCheckpoint} adds folders and sharded checkpoints
 * ({@code model.safetensors.index.json}); {@link io.github.geollava.core.safetensors.SafetensorsWriter}
 * writes byte-identical files to the reference, atomically.
 *
 * <p>Half-precision data (F16, BF16) is widened to float32 in Java before anything reaches DJL: the
 * PyTorch engine aborts the JVM on BF16 and INT16 on CPU.
 */
package io.github.geollava.core.safetensors;
