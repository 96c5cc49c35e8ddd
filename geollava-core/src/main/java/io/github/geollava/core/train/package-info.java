/**
 * Fine-tuning: {@link io.github.geollava.core.train.CaptionTrainer} trains whatever parameters of a
 * LLaVA-NeXT-Video model require gradients (the whole model, or only injected LoRA adapters) on
 * (video, prompt, answer) examples, with AdamW, warmup and decay, gradient clipping and accumulation,
 * validation every fraction of an epoch, atomic resumable checkpoints and listeners.
 *
 * <p>Letters in shape comments: B batch, S sequence, V vocabulary, F frames, N labelled positions.
 */
package io.github.geollava.core.train;
