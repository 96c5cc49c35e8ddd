package io.github.geollava.core.train;

/**
 * A validation pass.
 *
 * @param step the optimizer step after which it ran
 * @param epoch the fractional epoch
 * @param loss mean cross-entropy per labelled token over the validation set
 * @param examples examples evaluated
 */
public record ValidationStats(long step, double epoch, double loss, int examples) {}
