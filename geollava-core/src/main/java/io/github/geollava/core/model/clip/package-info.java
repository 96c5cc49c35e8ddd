/**
 * The CLIP vision tower with Hugging Face module names ({@code vision_model.embeddings},
 * {@code vision_model.pre_layrnorm}, {@code vision_model.encoder.layers.N.self_attn.q_proj}, ...), giving
 * the hidden state of every layer.
 */
package io.github.geollava.core.model.clip;
