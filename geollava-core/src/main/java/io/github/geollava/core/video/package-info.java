/**
 * Videos as the vision tower sees them: an ordered list of frames (a before/after pair, N images, a
 * folder, or an mp4), sampled like numpy's {@code linspace}, and processed exactly as Hugging Face's
 * CLIP / LLaVA-NeXT-Video image processor into {@code (T, 3, H, W)} float tensors, batched as
 * {@code (B, T, 3, H, W)} with a frame mask.
 *
 * <p>Letters: B videos in a batch, T frames, 3 RGB channels, H and W the frame height and width.
 */
package io.github.geollava.core.video;
