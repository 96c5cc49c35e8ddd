package io.github.geollava.metrics.protocol;

import io.github.geollava.metrics.Score;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scores of one sample: precision/recall/F metrics ({@code rouge1}, ..., {@code bertscore}) and
 * single-number metrics ({@code bleu}, {@code cider}, {@code similarity}), in output order.
 *
 * @param id the sample id
 * @param prf the P/R/F metrics by name
 * @param scalars the single-number metrics by name
 */
public record SampleScores(String id, Map<String, Score> prf, Map<String, Double> scalars) {

  /** Copies the maps, keeping their order. */
  public SampleScores {
    java.util.Objects.requireNonNull(id, "id");
    prf = Collections.unmodifiableMap(new LinkedHashMap<>(prf));
    scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
  }

  /**
   * All values flattened into columns: {@code <name>_precision}, {@code <name>_recall},
   * {@code <name>_fmeasure} for P/R/F metrics, then the single-number metrics.
   */
  public LinkedHashMap<String, Double> columns() {
    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Score> e : prf.entrySet()) {
      out.put(e.getKey() + "_precision", e.getValue().precision());
      out.put(e.getKey() + "_recall", e.getValue().recall());
      out.put(e.getKey() + "_fmeasure", e.getValue().fmeasure());
    }
    out.putAll(scalars);
    return out;
  }
}
