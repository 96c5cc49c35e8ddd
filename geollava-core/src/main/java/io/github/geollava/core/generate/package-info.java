/**
 * Autoregressive generation: {@link io.github.geollava.core.generate.Generator} runs any
 * {@link io.github.geollava.core.generate.CausalLm} (the LLaVA-NeXT-Video model among them) with a KV cache
 * (prefill once, then one token per step) or without one, on batches of left-padded prompts, with the
 * decoding strategies of Hugging Face's {@code generate}: greedy, temperature, top-k, top-p, repetition
 * penalty, min/max new tokens, EOS ids, stop strings and a seed.
 *
 * <p>Logits processors and samplers are small functional interfaces with constants and factories
 * ({@link io.github.geollava.core.generate.LogitsProcessor},
 * {@link io.github.geollava.core.generate.Sampler}); they work on the last position's logits copied to
 * Java, one row at a time, so they are exact, deterministic and cheap next to a forward pass.
 */
package io.github.geollava.core.generate;
