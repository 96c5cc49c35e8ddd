/**
 * The model's building blocks, mirroring Hugging Face transformers' module names so that every
 * checkpoint key is a path in the block tree: shared layers here (norms, embedding table, module
 * list), the CLIP vision tower in {@code model.clip}, the LLaMA decoder in {@code model.llama}, and
 * LLaVA-NeXT-Video itself in {@code model.llavanext}.
 *
 * <p>Shape letters used throughout: B batch, F frames, N images (B x F), S new tokens, T cached plus new
 * tokens, C channels (hidden size), H heads, Hkv key/value heads, D head width, V vocabulary, P patches.
 */
package io.github.geollava.core.model;
