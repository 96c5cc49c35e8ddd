package io.github.geollava.examples.demo;

import static io.github.geollava.examples.demo.Html.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link DemoReport} as one self-contained HTML page: the run's settings, Table 1 (best metric
 * per column in bold), a bar chart of the metrics, example pairs with every variant's caption, and the
 * word-frequency comparison of the paper's Figure 3.
 *
 * <p>Images are embedded as base64 data URIs and the charts are inline SVG, so the file works offline
 * and can be mailed or archived on its own. The page has no script and no external resource; all text
 * from the report (captions above all) is HTML-escaped.
 */
public final class ReportWriter {

  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

  /** How many samples the "Examples" section shows. */
  public static final int EXAMPLES = 4;

  /** How many ground-truth words the word chart shows. */
  public static final int TOP_WORDS = 20;

  private ReportWriter() {}

  /**
   * Writes the report to {@code html}: first to a temporary file in the same folder, then renamed over
   * the target in one atomic move, so a reader never sees half a page and an interrupted run leaves the
   * previous report intact. Missing parent folders are created.
   *
   * @param report the content
   * @param html the target file, e.g. {@code geollava-out/demo/report.html}
   * @throws IOException if the folder or the file cannot be written
   */
  public static void write(DemoReport report, Path html) throws IOException {
    Objects.requireNonNull(report, "report");
    Path target = html.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    String page = render(report);
    // Not Files.createTempFile: its 0600 mode would stick to the report. CREATE_NEW keeps the umask's
    // mode and still refuses to clobber a file of the same name.
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
        + System.nanoTime() + ".tmp");
    try {
      Files.writeString(tmp, page, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some file systems (rare; e.g. certain network mounts) cannot rename atomically: still replace.
        LOG.warn("atomic rename not supported in {}; replacing {} non-atomically", dir, target);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    LOG.info("wrote report {} ({})", target, Units.bytes(Files.size(target)));
  }

  /**
   * Renders the page without writing it.
   *
   * @param report the content
   * @return the complete HTML document
   */
  public static String render(DemoReport report) {
    List<VariantResult> rows = report.variants();
    List<String> colours = Charts.colours(rows);
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(report.title())).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    b.append("<h1>").append(esc(report.title())).append("</h1>\n");
    settings(b, report.settings());
    table(b, rows, colours);
    chart(b, rows, colours);
    examples(b, report, colours);
    words(b, report, colours);
    b.append("<footer>Written by GeoLLaVA for Java (<code>geollava demo</code>). Metrics are in [0, 1], "
        + "higher is better; they come from a miniature model on synthetic data and are not comparable "
        + "with the paper's numbers.</footer>\n</main>\n</body>\n</html>\n");
    return b.toString();
  }

  // ---- sections ---------------------------------------------------------------------------------

  private static void settings(StringBuilder b, Map<String, String> settings) {
    if (settings.isEmpty()) {
      return;
    }
    b.append("<dl class=\"settings\">\n");
    settings.forEach((k, v) -> b.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v))
        .append("</dd>\n"));
    b.append("</dl>\n");
  }

  private static final List<String> HEADER_TIPS = List.of(
      "the fine-tuning recipe",
      "parameters updated by fine-tuning (share of all parameters)",
      "bytes of the frozen base weights as stored: quantized for QLoRA",
      "fine-tuning wall time in seconds",
      "unigram overlap F1 with the ground truth",
      "bigram overlap F1 with the ground truth",
      "longest-common-subsequence F1 with the ground truth",
      "BLEU with up to 2-grams",
      "cosine similarity of sentence embeddings",
      "BERTScore F1",
      "F1 of the change events named in the caption");

  private static void table(StringBuilder b, List<VariantResult> rows, List<String> colours) {
    b.append("<h2>Table 1 in miniature</h2>\n");
    if (rows.isEmpty()) {
      b.append("<p class=\"note\">No variants were evaluated.</p>\n");
      return;
    }
    double[] best = DemoTable.best(rows);
    b.append("<div class=\"scroll\"><table class=\"results\">\n<thead><tr>");
    for (int c = 0; c < DemoTable.HEADERS.size(); c++) {
      b.append("<th title=\"").append(esc(HEADER_TIPS.get(c))).append("\">")
          .append(esc(DemoTable.HEADERS.get(c))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      VariantResult r = rows.get(i);
      List<String> cells = DemoTable.cells(r);
      b.append("<tr><td class=\"name\">").append(swatch(colours.get(i))).append("<b>").append(esc(r.name()))
          .append("</b>");
      if (!r.method().isEmpty()) {
        b.append("<div class=\"method\">").append(esc(r.method())).append("</div>");
      }
      b.append("</td>");
      for (int c = 1; c < cells.size(); c++) {
        int m = c - DemoTable.FIRST_METRIC_COLUMN;
        boolean bold = m >= 0 && DemoTable.isBest(r.metric(VariantResult.METRIC_KEYS.get(m)), best[m]);
        String title = c == 1 && r.totalParameters() > 0
            ? " title=\"" + r.trainableParameters() + " of " + r.totalParameters() + " parameters\""
            : c == 2 && r.baseWeightBytes() > 0 ? " title=\"" + r.baseWeightBytes() + " bytes\"" : "";
        b.append("<td").append(title).append(bold ? " class=\"best\"><strong>" : ">").append(esc(cells.get(c)))
            .append(bold ? "</strong>" : "").append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table></div>\n<p class=\"note\">Bold: best value in the column. "
        + "Trainable: parameters the fine-tune updates. Base weights: the frozen base as stored "
        + "(4-bit NF4 or 8-bit for QLoRA). \"-\": none or not measured.</p>\n");
  }

  private static void chart(StringBuilder b, List<VariantResult> rows, List<String> colours) {
    if (rows.isEmpty()) {
      return;
    }
    b.append("<h2>Metrics</h2>\n");
    legend(b, rows.stream().map(VariantResult::name).toList(), colours);
    b.append(Charts.metricBars(rows, colours)).append('\n');
  }

  private static void examples(StringBuilder b, DemoReport report, List<String> colours) {
    List<DemoSample> samples = report.samples();
    if (samples.isEmpty()) {
      return;
    }
    int shown = Math.min(EXAMPLES, samples.size());
    b.append("<h2>Examples</h2>\n<p class=\"note\">").append(shown).append(" of ").append(samples.size())
        .append(" held-out pairs, with the caption of every variant.</p>\n");
    for (int s = 0; s < shown; s++) {
      DemoSample d = samples.get(s);
      b.append("<section class=\"example\">\n<h3>").append(esc(d.id())).append("</h3>\n<div class=\"pair\">")
          .append(figure(d.firstImage(), "before", d.id() + ", first image"))
          .append(figure(d.secondImage(), "after", d.id() + ", second image"))
          .append("</div>\n<div class=\"texts\">\n<p class=\"truth\"><span class=\"label\">Ground truth</span>")
          .append(esc(d.reference())).append("</p>\n");
      b.append("<p class=\"events\"><span class=\"label\">True change events</span>");
      if (d.trueEvents().isEmpty()) {
        b.append("<span class=\"dim\">none</span>");
      }
      for (String e : d.trueEvents()) {
        b.append("<span class=\"chip\">").append(esc(e)).append("</span>");
      }
      b.append("</p>\n<table class=\"captions\">\n");
      List<VariantResult> rows = report.variants();
      for (int i = 0; i < rows.size(); i++) {
        String c = rows.get(i).caption(s);
        b.append("<tr><th>").append(swatch(colours.get(i))).append(esc(rows.get(i).name())).append("</th><td>")
            .append(c == null ? "<span class=\"dim\">no caption</span>"
                : c.isBlank() ? "<span class=\"dim\">(empty caption)</span>" : esc(c))
            .append("</td></tr>\n");
      }
      b.append("</table>\n</div>\n</section>\n");
    }
  }

  private static String figure(Path image, String label, String alt) {
    String name = image == null || image.getFileName() == null ? "" : image.getFileName().toString();
    return "<figure>" + Html.image(image, alt) + "<figcaption><b>" + label + "</b> " + esc(name)
        + "</figcaption></figure>";
  }

  private static void words(StringBuilder b, DemoReport report, List<String> colours) {
    List<DemoSample> samples = report.samples();
    List<VariantResult> rows = report.variants();
    b.append("<h2>Word frequencies</h2>\n");
    WordFrequencies truth = WordFrequencies.of(samples.stream().map(DemoSample::reference).toList());
    if (truth.counts().isEmpty()) {
      b.append("<p class=\"note\">No ground-truth captions to count.</p>\n");
      return;
    }
    List<WordFrequencies> generated = new ArrayList<>();
    for (VariantResult r : rows) {
      // Only captions that have a sample: the ground truth is counted over the samples.
      generated.add(WordFrequencies.of(r.captions().subList(0, Math.min(r.captions().size(), samples.size()))));
    }
    int baseIndex = -1;
    int bestIndex = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (Charts.isBase(rows.get(i))) {
        baseIndex = baseIndex < 0 ? i : baseIndex;
      } else if (generated.get(i).documents() > 0 && (bestIndex < 0 || rougeOrder().compare(rows.get(i),
          rows.get(bestIndex)) > 0)) {
        bestIndex = i;
      }
    }
    List<String> top = truth.top(TOP_WORDS);
    b.append("<p class=\"note\">The ").append(top.size()).append(" most frequent content words of the ")
        .append(samples.size()).append(" ground-truth captions (lower-cased, letters only, stopwords removed), "
            + "in occurrences per caption");
    List<Charts.Series> series = new ArrayList<>();
    series.add(new Charts.Series("ground truth", Charts.TRUTH_COLOUR, truth));
    List<String> names = new ArrayList<>(List.of("ground truth"));
    List<String> cols = new ArrayList<>(List.of(Charts.TRUTH_COLOUR));
    if (bestIndex >= 0) {
      b.append(", against the best variant by ROUGE-1 (").append(esc(rows.get(bestIndex).name())).append(')');
      series.add(new Charts.Series(rows.get(bestIndex).name(), colours.get(bestIndex), generated.get(bestIndex)));
      names.add(rows.get(bestIndex).name());
      cols.add(colours.get(bestIndex));
    }
    if (baseIndex >= 0 && generated.get(baseIndex).documents() > 0) {
      b.append(bestIndex >= 0 ? " and the base" : ", against the base");
      series.add(new Charts.Series(rows.get(baseIndex).name(), colours.get(baseIndex), generated.get(baseIndex)));
      names.add(rows.get(baseIndex).name());
      cols.add(colours.get(baseIndex));
    }
    b.append(".</p>\n");
    legend(b, names, cols);
    List<String> chartWords = new ArrayList<>(top);
    String extraLabel = "";
    if (bestIndex >= 0) {
      // The words the best variant over-uses are outside the ground truth's top list by nature: show
      // the worst few below it, so the figure shows both failure modes.
      for (String w : overUsed(truth, generated.get(bestIndex))) {
        if (!chartWords.contains(w) && chartWords.size() < top.size() + 5) {
          chartWords.add(w);
        }
      }
      extraLabel = "over-used by " + rows.get(bestIndex).name();
    }
    b.append(Charts.wordBars(chartWords, top.size(), extraLabel, series)).append('\n');
    if (bestIndex >= 0) {
      usage(b, rows.get(bestIndex).name(), truth, generated.get(bestIndex));
    }
    topWordsTable(b, rows, generated, colours, truth);
  }

  /** Orders variants by ROUGE-1, a missing value lowest. */
  private static Comparator<VariantResult> rougeOrder() {
    return Comparator.comparingDouble(r -> Double.isNaN(r.metric("rouge1")) ? -1 : r.metric("rouge1"));
  }

  /** The note on words the variant uses far more, or far less, than the ground truth. */
  private static void usage(StringBuilder b, String name, WordFrequencies truth, WordFrequencies gen) {
    List<String> over = new ArrayList<>();
    for (String w : overUsed(truth, gen)) {
      over.add(rate(w, gen.perCaption(w), truth.perCaption(w)));
    }
    List<String> under = new ArrayList<>();
    for (String w : truth.top(TOP_WORDS)) {
      double g = gen.perCaption(w);
      double t = truth.perCaption(w);
      if (g <= 0.5 * t && t - g >= 0.1) {
        under.add(rate(w, g, t));
      }
    }
    b.append("<p class=\"usage\"><b>").append(esc(name)).append("</b> over-uses: ")
        .append(over.isEmpty() ? "nothing notable" : String.join(", ", over.subList(0, Math.min(8, over.size()))))
        .append(".<br><b>").append(esc(name)).append("</b> under-uses: ")
        .append(under.isEmpty() ? "nothing notable" : String.join(", ", under.subList(0, Math.min(8, under.size()))))
        .append(".<br><span class=\"dim\">At least twice (or at most half) the ground truth's rate; "
            + "figures are occurrences per caption, generated vs ground truth.</span></p>\n");
  }

  /**
   * Words among the generated top {@link #TOP_WORDS} used at least twice as often as in the ground truth
   * (and by at least 0.1 per caption), the largest excess first.
   */
  private static List<String> overUsed(WordFrequencies truth, WordFrequencies gen) {
    List<String> over = new ArrayList<>();
    for (String w : gen.top(TOP_WORDS)) {
      double g = gen.perCaption(w);
      double t = truth.perCaption(w);
      if (g >= 2 * t && g - t >= 0.1) {
        over.add(w);
      }
    }
    over.sort(Comparator.comparingDouble((String w) -> truth.perCaption(w) - gen.perCaption(w)));
    return over;
  }

  private static String rate(String w, double g, double t) {
    return "<i>" + esc(w) + "</i> " + String.format(Locale.ROOT, "%.2f vs %.2f", g, t);
  }

  private static void topWordsTable(StringBuilder b, List<VariantResult> rows, List<WordFrequencies> generated,
      List<String> colours, WordFrequencies truth) {
    b.append("<h3>Top 10 words of each variant</h3>\n<table class=\"words\">\n<tr><th>")
        .append(swatch(Charts.TRUTH_COLOUR)).append("ground truth</th><td>").append(wordList(truth, null))
        .append("</td></tr>\n");
    for (int i = 0; i < rows.size(); i++) {
      b.append("<tr><th>").append(swatch(colours.get(i))).append(esc(rows.get(i).name())).append("</th><td>")
          .append(generated.get(i).documents() == 0 ? "<span class=\"dim\">no captions</span>"
              : wordList(generated.get(i), truth))
          .append("</td></tr>\n");
    }
    b.append("</table>\n<p class=\"note\">Underlined: not among the ground truth's top ").append(TOP_WORDS)
        .append(" words.</p>\n");
  }

  private static String wordList(WordFrequencies f, WordFrequencies truth) {
    List<String> truthTop = truth == null ? List.of() : truth.top(TOP_WORDS);
    List<String> parts = new ArrayList<>();
    for (String w : f.top(10)) {
      String word = truth != null && !truthTop.contains(w) ? "<u>" + esc(w) + "</u>" : esc(w);
      parts.add(word + " <span class=\"dim\">" + f.count(w) + "</span>");
    }
    return parts.isEmpty() ? "<span class=\"dim\">no content words</span>" : String.join(", ", parts);
  }

  // ---- bits ---------------------------------------------------------------------------------------

  private static void legend(StringBuilder b, List<String> names, List<String> colours) {
    b.append("<div class=\"legend\">");
    for (int i = 0; i < names.size(); i++) {
      b.append("<span>").append(swatch(colours.get(i))).append(esc(names.get(i))).append("</span>");
    }
    b.append("</div>\n");
  }

  private static String swatch(String colour) {
    return "<i class=\"sw\" style=\"background:" + colour + "\"></i>";
  }

  private static final String CSS = """
      :root { color-scheme: light; }
      body { margin: 0; background: #fff; color: #1d1d1f;
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
      main { max-width: 1160px; margin: 0 auto; padding: 24px 28px 40px; }
      h1 { font-size: 26px; margin: 0 0 12px; }
      h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #e6e6e6; }
      h3 { font-size: 16px; margin: 20px 0 8px; }
      code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
      .note, .dim { color: #666; }
      .note { font-size: 13px; margin: 6px 0; }
      .settings { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 0;
        font-size: 14px; background: #f7f7f8; border: 1px solid #e6e6e6; border-radius: 6px; padding: 10px 14px; }
      .settings dt { color: #555; }
      .settings dd { margin: 0; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; }
      .results { width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
      .results th, .results td { padding: 6px 8px; border-bottom: 1px solid #e6e6e6; text-align: right;
        white-space: nowrap; vertical-align: top; }
      .results th { border-bottom: 2px solid #999; font-weight: 600; cursor: help; }
      .results th:first-child, .results td.name { text-align: left; }
      .results td.name { white-space: normal; }
      .results td.best { background: #eef6ee; }
      .method { color: #666; font-size: 12px; margin-left: 18px; }
      .sw { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 7px;
        vertical-align: -1px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      .legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; margin: 6px 0; }
      .chart { width: 100%; height: auto; display: block; }
      .example { border: 1px solid #e6e6e6; border-radius: 6px; padding: 12px 14px; margin: 12px 0;
        display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 16px; break-inside: avoid; }
      .example h3 { grid-column: 1 / -1; margin: 0; font-size: 15px;
        font-family: ui-monospace, Menlo, Consolas, monospace; }
      .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; align-self: start;
        position: sticky; top: 8px; }
      figure { margin: 0; }
      figure img, .missing { width: 100%; aspect-ratio: 1 / 1; object-fit: cover; display: block;
        border-radius: 4px; background: #eee; }
      .missing { box-sizing: border-box; border: 2px dashed #bbb; display: flex; flex-direction: column;
        justify-content: center; align-items: center; gap: 6px; padding: 8px; color: #777; font-size: 12px;
        text-align: center; overflow-wrap: anywhere; }
      figcaption { font-size: 12px; color: #666; margin-top: 3px; overflow-wrap: anywhere; }
      .texts p { margin: 0 0 8px; }
      .truth, .captions td { white-space: pre-line; }
      .label { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #777; }
      .truth { background: #f7f7f8; border-left: 3px solid #333; padding: 6px 10px; font-size: 14px; }
      .chip { display: inline-block; font-size: 12px; background: #eef2f8; border: 1px solid #cfd8e6;
        border-radius: 10px; padding: 0 8px; margin: 2px 4px 0 0; }
      .captions { width: 100%; font-size: 14px; }
      .captions th { width: 1%; text-align: left; font-weight: 600; white-space: nowrap; padding: 4px 14px 4px 0;
        vertical-align: top; font-size: 13px; }
      .captions td { padding: 4px 0; border-top: 1px solid #f0f0f0; }
      .captions th { border-top: 1px solid #f0f0f0; }
      .usage { font-size: 14px; background: #fbfaf4; border: 1px solid #ece7cf; border-radius: 6px; padding: 8px 12px; }
      .words { font-size: 14px; }
      .words th { text-align: left; white-space: nowrap; padding: 3px 14px 3px 0; vertical-align: top; font-weight: 600; }
      .words td { padding: 3px 0; }
      .words u { text-decoration-color: #D55E00; text-decoration-thickness: 2px; }
      footer { margin-top: 36px; font-size: 12px; color: #777; border-top: 1px solid #e6e6e6; padding-top: 8px; }
      @media (max-width: 760px) { .example { grid-template-columns: 1fr; } }
      @media print {
        main { max-width: none; padding: 0; }
        h2 { break-after: avoid; }
        .chart, .results { break-inside: avoid; }
        .scroll { overflow: visible; }
        .pair { position: static; }
      }
      """;
}
