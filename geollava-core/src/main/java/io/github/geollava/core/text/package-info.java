/**
 * Text side of the model: a Hugging Face {@code tokenizer.json} loaded through DJL's native tokenizers
 * ({@link io.github.geollava.core.text.TextTokenizer}), the chat template of the checkpoint family
 * ({@link io.github.geollava.core.text.ChatTemplate}) and the prompt encoder that expands the single
 * {@code <video>} placeholder into one token per pooled video feature
 * ({@link io.github.geollava.core.text.PromptEncoder}).
 */
package io.github.geollava.core.text;
