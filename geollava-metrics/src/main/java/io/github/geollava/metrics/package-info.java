/**
 * Caption metrics exact to their reference implementations: ROUGE (rouge-score), BLEU (NLTK),
 * CIDEr-D (pycocoevalcap), sentence-embedding similarity and BERTScore, and the GeoLLaVA protocol.
 */
package io.github.geollava.metrics;
