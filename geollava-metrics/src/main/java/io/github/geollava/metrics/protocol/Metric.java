package io.github.geollava.metrics.protocol;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The metrics the GeoLLaVA protocol can compute, named as in the {@code geollava score} output. */
public enum Metric {
  /** ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, each precision/recall/F. */
  ROUGE("rouge"),
  /** Sentence BLEU (GeoLLaVA's preset by default). */
  BLEU("bleu"),
  /** CIDEr-D, with document frequencies over all evaluated references. */
  CIDER("cider"),
  /** Cosine of mean-pooled sentence embeddings (the paper's "BERT" column). */
  SIMILARITY("similarity"),
  /** BERTScore precision/recall/F. */
  BERTSCORE("bertscore");

  private final String key;

  Metric(String key) {
    this.key = key;
  }

  /** The name used on the command line and in output files. */
  public String key() {
    return key;
  }

  /** Whether this metric needs a text encoder. */
  public boolean needsEncoder() {
    return this == SIMILARITY || this == BERTSCORE;
  }

  /**
   * Parses a comma-separated list such as {@code rouge,bleu}.
   *
   * @throws IllegalArgumentException naming the unknown metric
   */
  public static Set<Metric> parseList(String list) {
    Set<Metric> out = EnumSet.noneOf(Metric.class);
    for (String part : list.split(",")) {
      String p = part.strip().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      Metric found = null;
      for (Metric m : values()) {
        if (m.key.equals(p)) {
          found = m;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "unknown metric '" + part.strip() + "': expected rouge, bleu, cider, similarity, bertscore");
      }
      out.add(found);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no metric given in '" + list + "'");
    }
    return out;
  }
}
