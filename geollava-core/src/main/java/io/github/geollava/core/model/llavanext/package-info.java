/**
 * LLaVA-NeXT-Video: the root block with Hugging Face module names, the checkpoint key mapping, strict
 * loading and saving of Hugging Face folders, and {@link
 * io.github.geollava.core.model.llavanext.LlavaNextVideoModel}, the entry point for inference and
 * training.
 */
package io.github.geollava.core.model.llavanext;
