package io.github.geollava.metrics.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geollava.metrics.BootstrapAggregator;
import io.github.geollava.metrics.Score;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of the GeoLLaVA protocol: per-sample scores, their macro means and bootstrap confidence
 * intervals of the means, with writers for the per-sample JSONL, the CSV (one row per sample plus an
 * {@code average} row) and the summary JSON. Every file is written atomically.
 *
 * @param samples the per-sample scores, in input order
 * @param means the macro mean of every column (see {@link SampleScores#columns()})
 * @param intervals the bootstrap interval of every column's mean
 * @param bootstrap how the intervals were computed
 */
public record EvaluationReport(
    List<SampleScores> samples,
    Map<String, Double> means,
    Map<String, BootstrapAggregator.Interval> intervals,
    BootstrapAggregator bootstrap) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the collections, keeping their order. */
  public EvaluationReport {
    samples = List.copyOf(samples);
    means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
    intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
  }

  /** Computes means and intervals of the samples' columns. */
  public static EvaluationReport of(List<SampleScores> samples, BootstrapAggregator bootstrap) {
    LinkedHashMap<String, Double> means = new LinkedHashMap<>();
    LinkedHashMap<String, BootstrapAggregator.Interval> intervals = new LinkedHashMap<>();
    if (!samples.isEmpty()) {
      List<String> cols = new ArrayList<>(samples.get(0).columns().keySet());
      double[][] rows = new double[samples.size()][cols.size()];
      for (int i = 0; i < samples.size(); i++) {
        LinkedHashMap<String, Double> c = samples.get(i).columns();
        for (int j = 0; j < cols.size(); j++) {
          rows[i][j] = c.get(cols.get(j));
        }
      }
      BootstrapAggregator.Interval[] iv = bootstrap.aggregate(rows);
      for (int j = 0; j < cols.size(); j++) {
        double sum = 0;
        for (double[] row : rows) {
          sum += row[j];
        }
        means.put(cols.get(j), sum / rows.length);
        intervals.put(cols.get(j), iv[j]);
      }
    }
    return new EvaluationReport(samples, means, intervals, bootstrap);
  }

  /** The macro-mean P/R/F of a metric such as {@code rouge1}, or null if it was not computed. */
  public Score meanScore(String metric) {
    Double p = means.get(metric + "_precision");
    if (p == null) {
      return null;
    }
    return new Score(p, means.get(metric + "_recall"), means.get(metric + "_fmeasure"));
  }

  /** One JSON object per sample: {@code id} and each metric ({@code {precision, recall, fmeasure}}). */
  public void writeJsonl(Path path) throws IOException {
    AtomicFiles.write(
        path,
        w -> {
          for (SampleScores s : samples) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", s.id());
            putMetrics(o, s.prf(), s.scalars());
            w.write(JSON.writeValueAsString(o));
            w.write('\n');
          }
        });
  }

  private static void putMetrics(ObjectNode o, Map<String, Score> prf, Map<String, Double> scalars) {
    for (Map.Entry<String, Score> e : prf.entrySet()) {
      ObjectNode m = o.putObject(e.getKey());
      m.put("precision", e.getValue().precision());
      m.put("recall", e.getValue().recall());
      m.put("fmeasure", e.getValue().fmeasure());
    }
    for (Map.Entry<String, Double> e : scalars.entrySet()) {
      o.put(e.getKey(), e.getValue());
    }
  }

  /** A CSV with a header, one row per sample and a final {@code average} row of macro means. */
  public void writeCsv(Path path) throws IOException {
    AtomicFiles.write(
        path,
        w -> {
          List<String> cols = new ArrayList<>(means.keySet());
          w.write("id");
          for (String c : cols) {
            w.write(',');
            w.write(c);
          }
          w.write('\n');
          for (SampleScores s : samples) {
            w.write(csvField(s.id()));
            LinkedHashMap<String, Double> c = s.columns();
            for (String col : cols) {
              w.write(',');
              w.write(Double.toString(c.get(col)));
            }
            w.write('\n');
          }
          w.write("average");
          for (String col : cols) {
            w.write(',');
            w.write(Double.toString(means.get(col)));
          }
          w.write('\n');
        });
  }

  /** RFC 4180 quoting where needed. */
  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /**
   * The summary: {@code count}, the macro means with the per-sample field names, {@code ci95} (or
   * the configured level) with low/mid/high of every column, and the given configuration.
   */
  public void writeSummary(Path path, Map<String, ?> config) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("count", samples.size());
    LinkedHashMap<String, Score> prf = new LinkedHashMap<>();
    LinkedHashMap<String, Double> scalars = new LinkedHashMap<>();
    if (!samples.isEmpty()) {
      for (String m : samples.get(0).prf().keySet()) {
        prf.put(m, meanScore(m));
      }
      for (String m : samples.get(0).scalars().keySet()) {
        scalars.put(m, means.get(m));
      }
    }
    putMetrics(root, prf, scalars);
    ObjectNode ci = root.putObject("ci" + Math.round(bootstrap.confidence() * 100));
    for (Map.Entry<String, BootstrapAggregator.Interval> e : intervals.entrySet()) {
      ObjectNode i = ci.putObject(e.getKey());
      i.put("low", e.getValue().low());
      i.put("mid", e.getValue().mid());
      i.put("high", e.getValue().high());
    }
    ObjectNode b = root.putObject("bootstrap");
    b.put("confidence", bootstrap.confidence());
    b.put("samples", bootstrap.samples());
    b.put("seed", bootstrap.seed());
    root.set("config", JSON.valueToTree(config));
    AtomicFiles.write(path, w -> w.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n"));
  }
}
