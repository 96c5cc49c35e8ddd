/**
 * Embedding metrics through a pluggable {@link io.github.geollava.metrics.embed.TextEncoder}: the
 * sentence-embedding cosine similarity GeoLLaVA reports as "BERT", and BERTScore as bert_score; the
 * default encoder is all-MiniLM-L6-v2 on DJL's ONNX Runtime engine.
 */
package io.github.geollava.metrics.embed;
