package io.github.geollava.examples.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link ReportWriter} shows: the paper's Table 1 in miniature, example pairs and the facts
 * of the run.
 *
 * <p>{@link #samples()} may hold more pairs than the report shows as examples (the first four): the
 * word-frequency figure counts words over all of them, so pass every scored pair for a fair figure.
 *
 * @param title the page title
 * @param variants one row per evaluated variant, the base first
 * @param samples held-out pairs, in the order of each variant's {@link VariantResult#captions()}
 * @param settings ordered key facts of the run, e.g. {@code locations}, {@code train pairs},
 *     {@code test pairs}, {@code model}, {@code wall time}
 */
public record DemoReport(String title, List<VariantResult> variants, List<DemoSample> samples,
    Map<String, String> settings) {

  /** Takes read-only, order-keeping copies; null collections become empty. */
  public DemoReport {
    Objects.requireNonNull(title, "title");
    variants = variants == null ? List.of() : List.copyOf(variants);
    samples = samples == null ? List.of() : List.copyOf(samples);
    settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }
}
