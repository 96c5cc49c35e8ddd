/**
 * Evaluation of a change captioner on a LLaVA-format test set: batched greedy captioning of each
 * pair's video, a resumable predictions file, the GeoLLaVA metrics (ROUGE, BLEU, embedding
 * similarity, BERTScore) and, for the synthetic mini-fMoW, change-event accuracy against the events the
 * scene generator really applied. {@link io.github.geollava.examples.eval.CaptionEvaluation} is the
 * entry point, shared by {@code geollava eval} and the demo pipeline.
 */
package io.github.geollava.examples.eval;
