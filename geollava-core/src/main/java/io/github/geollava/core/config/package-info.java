/**
 * Hugging Face configuration records: {@code config.json} of LLaVA-NeXT-Video (with its CLIP vision and
 * LLaMA text sub-configs), Video-LLaVA, and {@code generation_config.json}. Jackson maps the snake_case
 * keys at the boundary only; validation lives in the records' compact constructors; unknown keys are
 * kept and written back.
 */
package io.github.geollava.core.config;
