/**
 * Temporal pairs of fMoW images of the same location, as GeoLLaVA builds them: order each location
 * by (timestamp, file name), drop oversize images, then pair with a {@link
 * io.github.geollava.dataset.pairs.PairPolicy} under a minimum gap; optionally cap the total with
 * reproducible seeded sampling; write the authors' pairs sheet (CSV and JSONL).
 */
package io.github.geollava.dataset.pairs;
