/**
 * BLEU exactly as NLTK 3.8 ({@code sentence_bleu}, {@code corpus_bleu}, smoothing methods 0-7), the
 * GeoLLaVA preset and sacreBLEU's 13a tokenizer.
 */
package io.github.geollava.metrics.bleu;
