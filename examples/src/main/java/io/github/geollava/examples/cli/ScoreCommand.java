package io.github.geollava.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.metrics.BootstrapAggregator;
import io.github.geollava.metrics.bleu.BleuScorer;
import io.github.geollava.metrics.bleu.Smoothing;
import io.github.geollava.metrics.embed.BertScorer;
import io.github.geollava.metrics.embed.OnnxTextEncoder;
import io.github.geollava.metrics.embed.TextEncoder;
import io.github.geollava.metrics.protocol.EvaluationReport;
import io.github.geollava.metrics.protocol.GeollavaEvaluator;
import io.github.geollava.metrics.protocol.Metric;
import io.github.geollava.metrics.protocol.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava score}: a JSONL of {@code {"id", "reference", "candidate"}} to a JSONL of
 * per-pair metrics, {@code <out>.summary.json} (macro means, bootstrap 95 % intervals, options) and
 * {@code <out>.csv} (one row per pair and an {@code average} row), following the GeoLLaVA protocol
 * (the candidate keeps the text after its first {@code Answer:}).
 *
 * <p>Output fields: {@code rouge1}, {@code rouge2}, {@code rougeL}, {@code rougeLsum} and
 * {@code bertscore} as {@code {"precision", "recall", "fmeasure"}}; {@code bleu}, {@code cider},
 * {@code similarity} as numbers. A malformed input line exits with status 2 naming the line; odd
 * texts (empty, punctuation only, very long, any script) get defined scores.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = "Score candidate captions against references (ROUGE, BLEU, CIDEr-D, similarity, BERTScore).")
public final class ScoreCommand implements Callable<Integer> {

  /** Inputs at least this long get a progress bar. */
  static final int PROGRESS_THRESHOLD = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, description = "Input JSONL: {\"id\", \"reference\", \"candidate\"} per line.")
  Path input;

  @Option(names = "--out", required = true, description = "Output JSONL of per-pair scores.")
  Path out;

  @Option(
      names = "--metrics",
      defaultValue = "rouge,bleu,similarity",
      description = "Comma-separated: rouge, bleu, cider, similarity, bertscore (default: ${DEFAULT-VALUE}, the paper's columns).")
  String metrics;

  @Option(names = "--no-stem", description = "Disable ROUGE's Porter stemming (on by default).")
  boolean noStem;

  @Option(
      names = "--bleu-weights",
      defaultValue = "0.5,0.5",
      description = "BLEU n-gram weights, order 1 first (default: ${DEFAULT-VALUE}, GeoLLaVA).")
  String bleuWeights;

  @Option(
      names = "--bleu-smoothing",
      defaultValue = "1",
      description = "NLTK smoothing method 0-7 (default: ${DEFAULT-VALUE}, GeoLLaVA).")
  int bleuSmoothing;

  @Option(
      names = "--bleu-tokenizer",
      defaultValue = "whitespace",
      description = "BLEU tokenization: whitespace (Python str.split, GeoLLaVA) or 13a (sacreBLEU).")
  String bleuTokenizer;

  @Option(names = "--idf", description = "Weight BERTScore tokens by idf over the references.")
  boolean idf;

  @Option(
      names = "--bertscore-baseline",
      description = "Rescale BERTScore with baseline values P,R,F (bert_score's rescale_with_baseline).")
  String baseline;

  @Option(
      names = "--encoder",
      description = "Folder with model.onnx and tokenizer.json (default: the embedded all-MiniLM-L6-v2).")
  Path encoderDir;

  @Option(
      names = "--max-length",
      defaultValue = "256",
      description = "Encoder truncation length in tokens (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the bootstrap confidence intervals (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    Set<Metric> selected = Metric.parseList(metrics);
    BleuScorer bleu =
        BleuScorer.builder()
            .optWeights(parseDoubles("--bleu-weights", bleuWeights))
            .optSmoothing(Smoothing.of(bleuSmoothing))
            .optTokenization(parseTokenization(bleuTokenizer))
            .build();
    BertScorer.Baseline base = null;
    if (baseline != null) {
      double[] b = parseDoubles("--bertscore-baseline", baseline);
      if (b.length != 3) {
        throw new IllegalArgumentException(
            "--bertscore-baseline needs three values P,R,F, got '" + baseline + "'");
      }
      base = new BertScorer.Baseline(b[0], b[1], b[2]);
    }
    List<GeollavaEvaluator.Sample> samples = readSamples(input);
    PrintWriter outw = spec.commandLine().getOut();
    TextEncoder encoder = null;
    try {
      if (selected.stream().anyMatch(Metric::needsEncoder)) {
        encoder =
            encoderDir == null
                ? OnnxTextEncoder.allMiniLmL6V2()
                : OnnxTextEncoder.fromDirectory(encoderDir, maxLength);
      }
      GeollavaEvaluator evaluator =
          GeollavaEvaluator.builder()
              .optMetrics(selected)
              .optStemming(!noStem)
              .optBleu(bleu)
              .optEncoder(encoder)
              .optIdf(idf)
              .optBertScoreBaseline(base)
              .optBootstrap(new BootstrapAggregator(0.95, 1000, seed))
              .build();
      EvaluationReport report;
      try (BarListener bars = new BarListener(spec.commandLine().getErr(), samples.size())) {
        report = evaluator.evaluate(samples, bars);
      }
      Path summary = sibling(out, ".summary.json");
      Path csv = sibling(out, ".csv");
      report.writeJsonl(out);
      report.writeCsv(csv);
      report.writeSummary(summary, config(selected, bleu));
      outw.printf("scored %d pairs -> %s (%s, %s)%n", samples.size(), out, summary, csv);
      for (Map.Entry<String, Double> e : report.means().entrySet()) {
        outw.printf("  %-22s %.6f%n", e.getKey(), e.getValue());
      }
      outw.flush();
    } finally {
      if (encoder != null) {
        encoder.close();
      }
    }
    return 0;
  }

  private Map<String, Object> config(Set<Metric> selected, BleuScorer bleu) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("input", input.toString());
    c.put("metrics", selected.stream().map(Metric::key).toList());
    c.put("rouge_stemming", !noStem);
    c.put("bleu_weights", bleu.weights());
    c.put("bleu_smoothing", bleuSmoothing);
    c.put("bleu_tokenizer", bleuTokenizer);
    c.put("bertscore_idf", idf);
    c.put("bertscore_baseline", baseline);
    c.put("encoder", encoderDir == null ? "all-MiniLM-L6-v2 (embedded)" : encoderDir.toString());
    c.put("answer_extraction", GeollavaEvaluator.ANSWER_MARKER);
    return c;
  }

  /** {@code G.jsonl} to {@code G<suffix>}: the extension .jsonl or .json is replaced. */
  static Path sibling(Path out, String suffix) {
    String name = out.getFileName().toString();
    String stem = name.replaceFirst("\\.(jsonl|json)$", "");
    return out.resolveSibling(stem + suffix);
  }

  static double[] parseDoubles(String option, String text) {
    String[] parts = text.split(",");
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + ": '" + parts[i].strip() + "' is not a number in '" + text + "'", e);
      }
    }
    return v;
  }

  private static BleuScorer.Tokenization parseTokenization(String s) {
    return switch (s) {
      case "whitespace" -> BleuScorer.Tokenization.WHITESPACE;
      case "13a" -> BleuScorer.Tokenization.THIRTEEN_A;
      default -> throw new IllegalArgumentException(
          "--bleu-tokenizer must be whitespace or 13a, got '" + s + "'");
    };
  }

  /** Reads the input JSONL; blank lines are skipped, anything else malformed names its line. */
  static List<GeollavaEvaluator.Sample> readSamples(Path file) throws IOException {
    List<GeollavaEvaluator.Sample> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new BadInputException(
              file + " line " + no + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (node == null || !node.isObject()) {
          throw new BadInputException(file + " line " + no + ": expected a JSON object");
        }
        out.add(
            new GeollavaEvaluator.Sample(
                field(file, no, node, "id", true),
                field(file, no, node, "reference", false),
                field(file, no, node, "candidate", false)));
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new BadInputException(file + ": not UTF-8 text", e);
    }
    return out;
  }

  private static String field(Path file, int no, JsonNode node, String name, boolean numberOk) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new BadInputException(file + " line " + no + ": missing field '" + name + "'");
    }
    if (v.isTextual() || (numberOk && v.isNumber())) {
      return v.asText();
    }
    throw new BadInputException(
        file + " line " + no + ": field '" + name + "' must be a string, got " + v.getNodeType());
  }

  /** Draws one ASCII progress bar per stage on stderr, for inputs of at least 1000 pairs. */
  private static final class BarListener implements ProgressListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    private volatile ProgressBar bar;

    BarListener(PrintWriter err, int size) {
      this.err = err;
      this.enabled = size >= PROGRESS_THRESHOLD;
    }

    @Override
    public synchronized void stage(String name, long total) {
      if (!enabled) {
        return;
      }
      closeBar();
      bar = ProgressBars.start(err, name, total);
    }

    @Override
    public void step(long done) {
      ProgressBar b = bar;
      if (b != null) {
        b.stepBy(done);
      }
    }

    private void closeBar() {
      if (bar != null) {
        bar.close();
        err.println();
        err.flush();
        bar = null;
      }
    }

    @Override
    public synchronized void close() {
      closeBar();
    }
  }
}
