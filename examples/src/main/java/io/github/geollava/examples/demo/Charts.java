package io.github.geollava.examples.demo;

import static io.github.geollava.examples.demo.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG bar charts for {@link ReportWriter}. Hand-written SVG keeps the report one offline file
 * with no script; every chart scales to the page width through its {@code viewBox}.
 */
final class Charts {

  /** Okabe-Ito colours (readable with the common colour-vision deficiencies), the base aside. */
  private static final List<String> PALETTE =
      List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#332288", "#882255");

  /** The base's colour: grey, the reference the fine-tunes are read against. */
  static final String BASE_COLOUR = "#9E9E9E";

  /** The ground truth's colour in the word chart. */
  static final String TRUTH_COLOUR = "#333333";

  private static final String FONT = "font-family=\"system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif\"";

  /** One series of the word chart. */
  record Series(String name, String colour, WordFrequencies words) {}

  private Charts() {}

  /** Whether a row is the untuned base (grey everywhere in the report). */
  static boolean isBase(VariantResult r) {
    return r.name().equalsIgnoreCase("base");
  }

  /** One colour per row, in row order: grey for the base, then the palette. */
  static List<String> colours(List<VariantResult> rows) {
    String[] c = new String[rows.size()];
    int next = 0;
    for (int i = 0; i < c.length; i++) {
      c[i] = isBase(rows.get(i)) ? BASE_COLOUR : PALETTE.get(next++ % PALETTE.size());
    }
    return List.of(c);
  }

  /**
   * A grouped bar chart: one group per metric of {@link VariantResult#METRIC_KEYS} that any row has,
   * one bar per row, the value printed above each bar. The y axis runs from 0 to a round bound just
   * above the largest value, so small scores stay readable while the axis says where it stops.
   */
  static String metricBars(List<VariantResult> rows, List<String> colours) {
    List<Integer> shown = new java.util.ArrayList<>();
    double max = 0;
    for (int m = 0; m < VariantResult.METRIC_KEYS.size(); m++) {
      String key = VariantResult.METRIC_KEYS.get(m);
      boolean any = false;
      for (VariantResult r : rows) {
        double v = r.metric(key);
        if (!Double.isNaN(v)) {
          any = true;
          max = Math.max(max, v);
        }
      }
      if (any) {
        shown.add(m);
      }
    }
    if (shown.isEmpty() || rows.isEmpty()) {
      return "<p class=\"note\">No metrics to chart.</p>";
    }
    double top = niceTop(max);
    double tick = top <= 0.3 ? 0.05 : top <= 0.6 ? 0.1 : 0.2;
    int w = 1100;
    int h = 400;
    int left = 56;
    int right = 10;
    int plotTop = 40; // room for the vertical value labels above the tallest bar
    int bottom = 40;
    double plotW = w - left - right;
    double plotH = h - plotTop - bottom;
    double groupW = plotW / shown.size();
    double barW = groupW * 0.8 / rows.size();
    boolean vertical = barW < 30;
    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\" role=\"img\" aria-label=\"Metric scores per variant\" ").append(FONT).append(">\n");
    // y grid and tick labels
    for (int i = 0; Math.round(i * tick * 1000) <= Math.round(top * 1000); i++) {
      double v = i * tick;
      double y = plotTop + plotH - v / top * plotH;
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>"
              + "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\" fill=\"#555\">%s</text>\n",
          left, w - (double) right, y, y, i == 0 ? "#888" : "#e4e4e4", left - 6, y + 4,
          String.format(Locale.ROOT, tick < 0.1 ? "%.2f" : "%.1f", v)));
    }
    s.append(String.format(Locale.ROOT,
        "<text transform=\"translate(14 %.1f) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\" "
            + "fill=\"#555\">score (higher is better)</text>\n", plotTop + plotH / 2));
    for (int g = 0; g < shown.size(); g++) {
      int m = shown.get(g);
      String key = VariantResult.METRIC_KEYS.get(m);
      double gx = left + g * groupW + groupW * 0.1;
      for (int i = 0; i < rows.size(); i++) {
        VariantResult r = rows.get(i);
        double v = r.metric(key);
        double x = gx + i * barW;
        double cx = x + barW / 2;
        String label = DemoTable.HEADERS.get(DemoTable.FIRST_METRIC_COLUMN + m);
        if (Double.isNaN(v)) {
          s.append(valueText(cx, plotTop + plotH - 4, "n/a", vertical, "#999"));
          continue;
        }
        double bh = Math.max(0, Math.min(v, top)) / top * plotH;
        double y = plotTop + plotH - bh;
        s.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s, %s: %s</title></rect>",
            x + 1, y, Math.max(1, barW - 2), bh, colours.get(i), esc(r.name()), label, Units.metric(v)));
        s.append(valueText(cx, y - 4, Units.metric(v), vertical, "#222")).append('\n');
      }
      s.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#222\">%s</text>\n",
          left + g * groupW + groupW / 2, plotTop + plotH + 20,
          DemoTable.HEADERS.get(DemoTable.FIRST_METRIC_COLUMN + m)));
    }
    s.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">metric</text>\n",
        left + plotW / 2, h - 4));
    return s.append("</svg>").toString();
  }

  /**
   * Horizontal grouped bars for the word figure: one row per word, one bar per series (ground truth
   * first), the value (occurrences per caption) printed at the end of each bar. Rows from
   * {@code extraFrom} on are set apart under {@code extraLabel} (words the model over-uses).
   *
   * <p>The scale follows the first series (the ground truth) with some headroom, not the largest value:
   * a model stuck repeating one word would otherwise squash every other bar to a sliver. Longer bars are
   * cut at the plot's edge, marked with a break, and still print their true value.
   */
  static String wordBars(List<String> words, int extraFrom, String extraLabel, List<Series> series) {
    int w = 1100;
    int left = 130;
    int right = 50;
    int top = 28;
    int barH = 9;
    int rowH = series.size() * barH + 8;
    int gap = extraFrom < words.size() ? 30 : 0;
    int h = top + words.size() * rowH + gap + 12;
    double truthMax = 0;
    double max = 0;
    for (String word : words) {
      truthMax = Math.max(truthMax, series.get(0).words().perCaption(word));
      for (Series se : series) {
        max = Math.max(max, se.words().perCaption(word));
      }
    }
    double scale = Math.min(max, Math.max(truthMax * 1.5, 1e-9));
    if (scale <= 0) {
      scale = 1;
    }
    double plotW = w - left - right;
    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\" role=\"img\" aria-label=\"Word frequencies\" ").append(FONT).append(">\n");
    s.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"16\" font-size=\"12\" fill=\"#555\">occurrences per caption</text>\n", left));
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      double y0 = top + i * rowH + (i >= extraFrom ? gap : 0);
      if (i == extraFrom && gap > 0) {
        s.append(String.format(Locale.ROOT,
            "<line x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>"
                + "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"#555\">%s</text>\n",
            w, y0 - gap + 4, y0 - gap + 4, left, y0 - 10, esc(extraLabel)));
      }
      if (i % 2 == 0) {
        s.append(String.format(Locale.ROOT,
            "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"#f6f6f6\"/>", y0 - 3, w, rowH - 2));
      }
      s.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" font-size=\"13\" text-anchor=\"end\" fill=\"#222\">%s</text>\n",
          left - 8, y0 + series.size() * barH / 2.0 + 2, esc(word)));
      for (int k = 0; k < series.size(); k++) {
        Series se = series.get(k);
        double v = se.words().perCaption(word);
        boolean cut = v > scale;
        double bw = Math.min(v, scale) / scale * plotW;
        double y = y0 + k * barH;
        s.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s, %s: %.2f per caption</title></rect>",
            left, y, bw, barH - 1, se.colour(), esc(se.name()), esc(word), v));
        if (cut) {
          // a white slash near the end: "this bar is longer than drawn"
          double bx = left + bw - 14;
          s.append(String.format(Locale.ROOT,
              "<path d=\"M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f\" stroke=\"#fff\" stroke-width=\"2\"/>",
              bx, y + barH, bx + 4, y - 1, bx + 5, y + barH, bx + 9, y - 1));
        }
        s.append(String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#444\"%s>%.2f</text>\n",
            left + bw + 4, y + barH - 1.5, cut ? " font-weight=\"700\"" : "", v));
      }
    }
    double axisY = top + words.size() * rowH + gap;
    s.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>", left, left, top - 4.0, axisY));
    return s.append("</svg>").toString();
  }

  /** The smallest of 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0 at or above {@code max} (1.0 beyond). */
  static double niceTop(double max) {
    for (double t : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0}) {
      if (max <= t + 1e-9) {
        return t;
      }
    }
    return Math.ceil(max);
  }

  private static String valueText(double cx, double y, String text, boolean vertical, String fill) {
    return vertical
        ? String.format(Locale.ROOT,
            "<text transform=\"translate(%.1f %.1f) rotate(-90)\" font-size=\"10\" dominant-baseline=\"middle\" fill=\"%s\">%s</text>",
            cx, y, fill, text)
        : String.format(Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
            cx, y, fill, text);
  }
}
