package io.github.geollava.examples.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's Table 1 in miniature, as fixed-width console text or as a GitHub-markdown table.
 *
 * <p>Columns: Variant, Trainable (parameters, with their share of the total), Base weights (bytes of
 * the frozen base as stored), Train s, then ROUGE-1, ROUGE-2, ROUGE-L, BLEU-2, Sim (sentence-embedding
 * cosine), BERTScore and Events (change-event F1). Metrics print with three decimals; "-" marks a
 * missing metric, the base's zero trainable parameters and zero training time.
 */
public final class DemoTable {

  /** Column headers, in order. */
  public static final List<String> HEADERS = List.of("Variant", "Trainable", "Base weights", "Train s",
      "ROUGE-1", "ROUGE-2", "ROUGE-L", "BLEU-2", "Sim", "BERTScore", "Events");

  /** The column of the first metric; metric {@code i} of {@link VariantResult#METRIC_KEYS} is at FIRST + i. */
  static final int FIRST_METRIC_COLUMN = 4;

  private DemoTable() {}

  /**
   * Formats the rows as a fixed-width table: a header, a rule of dashes, one line per variant. The
   * variant column is left-aligned, every other column right-aligned; lines end with {@code \n} and
   * carry no trailing spaces.
   *
   * @param rows the variants, in display order
   * @return the table text
   */
  public static String format(List<VariantResult> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADERS);
    for (VariantResult r : rows) {
      cells.add(cells(r));
    }
    int[] width = new int[HEADERS.size()];
    for (List<String> line : cells) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], line.get(c).length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      List<String> line = cells.get(i);
      StringBuilder l = new StringBuilder();
      for (int c = 0; c < width.length; c++) {
        if (c > 0) {
          l.append("  ");
        }
        String s = line.get(c);
        String pad = " ".repeat(width[c] - s.length());
        l.append(c == 0 ? s + pad : pad + s);
      }
      b.append(l.toString().stripTrailing()).append('\n');
      if (i == 0) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
          rule.append(c > 0 ? "  " : "").append("-".repeat(width[c]));
        }
        b.append(rule).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * Formats the rows as a GitHub-markdown table with the same columns; the best value of each metric
   * column is bold.
   *
   * @param rows the variants, in display order
   * @return the markdown text, one line per row, ending with a newline
   */
  public static String markdown(List<VariantResult> rows) {
    StringBuilder b = new StringBuilder("| ").append(String.join(" | ", HEADERS)).append(" |\n|");
    for (int c = 0; c < HEADERS.size(); c++) {
      b.append(c == 0 ? ":---|" : "---:|");
    }
    b.append('\n');
    double[] best = best(rows);
    for (VariantResult r : rows) {
      List<String> line = cells(r);
      b.append('|');
      for (int c = 0; c < line.size(); c++) {
        String s = line.get(c).replace("|", "\\|");
        int m = c - FIRST_METRIC_COLUMN;
        if (m >= 0 && isBest(r.metric(VariantResult.METRIC_KEYS.get(m)), best[m])) {
          s = "**" + s + "**";
        }
        b.append(' ').append(s).append(" |");
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** The cells of one row, as text. */
  static List<String> cells(VariantResult r) {
    List<String> c = new ArrayList<>(HEADERS.size());
    c.add(r.name());
    c.add(Units.countWithShare(r.trainableParameters(), r.totalParameters()));
    c.add(Units.bytes(r.baseWeightBytes()));
    c.add(Units.seconds(r.trainSeconds()));
    for (String key : VariantResult.METRIC_KEYS) {
      c.add(Units.metric(r.metric(key)));
    }
    return c;
  }

  /** The best (highest) value of each metric over the rows, NaN where no row has it. */
  static double[] best(List<VariantResult> rows) {
    double[] best = new double[VariantResult.METRIC_KEYS.size()];
    java.util.Arrays.fill(best, Double.NaN);
    for (VariantResult r : rows) {
      for (int m = 0; m < best.length; m++) {
        double v = r.metric(VariantResult.METRIC_KEYS.get(m));
        if (!Double.isNaN(v) && (Double.isNaN(best[m]) || v > best[m])) {
          best[m] = v;
        }
      }
    }
    return best;
  }

  /**
   * Whether {@code v} ties the column's best at the printed precision: two rows that both print
   * 0.412 are both bold, so bolding never contradicts what the reader sees.
   */
  static boolean isBest(double v, double best) {
    return !Double.isNaN(v) && !Double.isNaN(best) && Math.round(v * 1000) == Math.round(best * 1000);
  }
}
