/**
 * ROUGE exactly as Google's rouge-score: its tokenizer, NLTK's Porter stemmer (NLTK extensions),
 * ROUGE-N, ROUGE-L and ROUGE-Lsum.
 */
package io.github.geollava.metrics.rouge;
