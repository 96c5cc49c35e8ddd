/** CIDEr-D exactly as pycocoevalcap, the metric remote-sensing change-captioning benchmarks report. */
package io.github.geollava.metrics.cider;
