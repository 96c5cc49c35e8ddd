package io.github.geollava.core.train;

/**
 * What happened in one optimizer step.
 *
 * @param step steps done so far (1 after the first)
 * @param totalSteps steps of the whole run
 * @param epoch fractional epoch reached (e.g. 1.4)
 * @param loss mean cross-entropy per labelled token of this step
 * @param learningRate the rate used
 * @param gradNorm global L2 norm of the gradients before clipping
 * @param tokens tokens processed in this step (padding excluded)
 * @param tokensPerSecond throughput since the run (or its resumption) started
 * @param elapsedSeconds wall time since the run (or its resumption) started
 * @param etaSeconds estimated seconds to the end
 */
public record StepStats(
    long step,
    long totalSteps,
    double epoch,
    double loss,
    double learningRate,
    double gradNorm,
    long tokens,
    double tokensPerSecond,
    double elapsedSeconds,
    double etaSeconds) {}
