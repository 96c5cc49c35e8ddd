/**
 * The LLaMA decoder with Hugging Face module names ({@code model.embed_tokens},
 * {@code model.layers.N.self_attn.q_proj}, {@code model.norm}, {@code lm_head}), rotary embeddings,
 * grouped-query attention and the explicit key/value cache {@link
 * io.github.geollava.core.model.llama.KvCache}.
 */
package io.github.geollava.core.model.llama;
