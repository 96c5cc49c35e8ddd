/**
 * Captioning image pairs with a vision-language model, as GeoLLaVA did with GPT-4o: the {@link
 * io.github.geollava.dataset.annotate.AnnotationClient} interface, an OpenAI-compatible
 * chat-completions client with retries, and a resumable {@link
 * io.github.geollava.dataset.annotate.BatchAnnotator} that checkpoints every caption to JSONL as it
 * arrives, so an interrupted run loses nothing and never pays for the same pair twice.
 */
package io.github.geollava.dataset.annotate;
