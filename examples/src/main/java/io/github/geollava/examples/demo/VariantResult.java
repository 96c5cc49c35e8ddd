package io.github.geollava.examples.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluated model variant: one row of the paper's Table 1.
 *
 * <p>Metrics use the keys of {@link #METRIC_KEYS}; every value is in [0, 1] and higher is better. A key
 * may be missing (the metric was not computed), and the report shows "-" for it.
 *
 * @param name the row name, e.g. {@code base}, {@code LoRA}, {@code QLoRA-NF4}, {@code LoRA + prune 5%}
 * @param method a short description, e.g. {@code LoRA r=64 α=128 on fp32 base}
 * @param trainableParameters parameters updated by fine-tuning, 0 for the base
 * @param totalParameters all parameters of the model, adapters included
 * @param baseWeightBytes bytes of the frozen base weights as stored (the quantized size for QLoRA)
 * @param trainSeconds fine-tuning wall time in seconds, 0 for the base
 * @param metrics metric values by key (see {@link #METRIC_KEYS}); insertion order is kept
 * @param captions the generated caption per {@link DemoSample}, in the order of
 *     {@link DemoReport#samples()}; may be shorter than the samples or empty
 */
public record VariantResult(
    String name,
    String method,
    long trainableParameters,
    long totalParameters,
    long baseWeightBytes,
    double trainSeconds,
    Map<String, Double> metrics,
    List<String> captions) {

  /** The metric keys in Table 1's column order. */
  public static final List<String> METRIC_KEYS =
      List.of("rouge1", "rouge2", "rougeL", "bleu", "similarity", "bertscore", "events");

  /** Checks the name and counts and takes read-only copies; null collections become empty. */
  public VariantResult {
    Objects.requireNonNull(name, "name");
    method = method == null ? "" : method;
    if (trainableParameters < 0 || totalParameters < 0 || baseWeightBytes < 0) {
      throw new IllegalArgumentException(name + ": parameter and byte counts must be >= 0, found trainable="
          + trainableParameters + " total=" + totalParameters + " baseWeightBytes=" + baseWeightBytes);
    }
    if (!(trainSeconds >= 0)) {
      throw new IllegalArgumentException(name + ": trainSeconds must be >= 0, found " + trainSeconds);
    }
    // LinkedHashMap/ArrayList rather than Map.copyOf/List.copyOf: keep the order and tolerate null entries
    // (a caption that failed to generate) instead of failing the whole report.
    metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    captions = captions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(captions));
  }

  /**
   * The value of one metric, if present and finite.
   *
   * @param key a metric key, e.g. {@code rouge1}
   * @return the value, or {@link Double#NaN} when the metric is missing or not finite
   */
  public double metric(String key) {
    Double v = metrics.get(key);
    return v == null || !Double.isFinite(v) ? Double.NaN : v;
  }

  /**
   * The generated caption for sample {@code index}.
   *
   * @param index the sample's position in {@link DemoReport#samples()}
   * @return the caption, or null when this variant has none for that sample
   */
  public String caption(int index) {
    return index >= 0 && index < captions.size() ? captions.get(index) : null;
  }
}
