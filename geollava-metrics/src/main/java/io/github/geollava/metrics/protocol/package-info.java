/**
 * The GeoLLaVA evaluation protocol: answer extraction, per-sample scores, macro means, bootstrap
 * confidence intervals, and atomically written JSONL, CSV and summary reports.
 */
package io.github.geollava.metrics.protocol;
