package io.github.geollava.examples.cli;

import ai.djl.MalformedModelException;
import io.github.geollava.core.caption.ChangeCaptioner;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.synth.ChangeEvent;
import io.github.geollava.examples.eval.CaptionEvaluation;
import io.github.geollava.examples.eval.EventAccuracy;
import io.github.geollava.metrics.protocol.Metric;
import io.github.geollava.metrics.protocol.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava eval}: captions every pair of a LLaVA-format test file with a model folder (optionally
 * quantized, with an adapter and pruning masks) and scores the answers against the references.
 *
 * <p>Writes into {@code --out}: {@code predictions.jsonl} ({@code id}, {@code reference},
 * {@code candidate}; appended batch by batch, and a rerun captions only the ids not yet in it),
 * {@code scores.jsonl}, {@code scores.csv} (with an {@code average} row) and {@code summary.json}
 * (means, 95 % intervals, change-event accuracy with {@code --events}, generation counts and
 * settings). See {@link CaptionEvaluation}.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {"Caption a LLaVA test set with a model folder and score it (ROUGE, BLEU,",
        "similarity, BERTScore; change-event accuracy with --events). Resumable."})
public final class EvalCommand implements Callable<Integer> {

  /** Name of the predictions file in {@code --out}. */
  static final String PREDICTIONS = "predictions.jsonl";

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Model folder: config.json, safetensors, tokenizer.json, processor config.")
  Path model;

  @Option(names = "--test", required = true, paramLabel = "FILE",
      description = "Test conversations, LLaVA JSON or JSONL (e.g. annotations/test.json of synth).")
  Path test;

  @Option(names = "--videos", required = true, paramLabel = "DIR",
      description = "Folder the conversations' \"video\" fields are relative to (pairs --videos).")
  Path videos;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--batch-size", defaultValue = "8", paramLabel = "N",
      description = "Videos per forward pass (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N conversations.")
  Integer limit;

  @Option(names = "--events", paramLabel = "FILE",
      description = "True change events per pair (synth's annotations/pairs_events.jsonl) for event accuracy.")
  Path events;

  @Option(names = "--max-new-tokens", defaultValue = "350", paramLabel = "N",
      description = "Answer length cap in tokens (default: ${DEFAULT-VALUE}).")
  int maxNewTokens;

  @Option(names = "--metrics", defaultValue = "rouge,bleu,similarity,bertscore", paramLabel = "LIST",
      description = "Comma-separated: rouge, bleu, cider, similarity, bertscore (default: ${DEFAULT-VALUE}).")
  String metrics;

  @Option(names = "--device", defaultValue = "default", paramLabel = "cpu|gpu|default",
      description = "Where the model runs (default: DJL's default device).")
  String device;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Override
  public Integer call() throws IOException {
    // every check that needs no model comes first: a bad path should not wait for a 7B load
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
    }
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("--max-new-tokens must be >= 1, got " + maxNewTokens);
    }
    Set<Metric> selected = Metric.parseList(metrics);
    modelOptions.quantFormat();
    if (!Files.isDirectory(model)) {
      throw new IllegalArgumentException("--model: not a folder: " + model);
    }
    if (!Files.isRegularFile(test)) {
      throw new IllegalArgumentException("--test: no such file: " + test);
    }
    if (!Files.isDirectory(videos)) {
      throw new IllegalArgumentException("--videos: not a folder: " + videos);
    }
    List<LlavaConversation> conversations = LlavaAnnotations.read(test);
    if (conversations.isEmpty()) {
      throw new BadInputException(test + ": no conversations");
    }
    if (limit != null && limit < conversations.size()) {
      conversations = conversations.subList(0, limit);
    }
    Map<String, List<ChangeEvent>> truth = events == null ? null : EventAccuracy.readPairsEvents(events);
    PrintWriter w = spec.commandLine().getOut();
    try (StageBars bars = new StageBars(spec.commandLine().getErr())) {
      CaptionEvaluation.Builder b = CaptionEvaluation.builder()
          .setConversations(conversations)
          .setVideosDir(videos)
          .optBatchSize(batchSize)
          .optPredictionsFile(out.resolve(PREDICTIONS))
          .optMetrics(selected)
          .optProgress(bars);
      if (truth != null) {
        b.optTrueEvents(truth);
      }
      CaptionEvaluation eval;
      try {
        eval = b.build();
      } catch (IllegalArgumentException e) {
        throw new BadInputException(test + ": " + e.getMessage(), e);
      }
      w.printf("%d conversations, %d already in %s%n", eval.conversations().size(),
          eval.conversations().size() - eval.pending().size(), out.resolve(PREDICTIONS));
      w.flush();
      CaptionEvaluation.Result r;
      if (eval.pending().isEmpty()) {
        r = eval.run(null); // nothing to caption: re-score without loading the model
      } else {
        try (ChangeCaptioner captioner = load()) {
          r = eval.run(captioner);
        }
      }
      r.writeScores(out, config(r));
      bars.close();
      report(w, r);
    }
    return 0;
  }

  private ChangeCaptioner load() throws IOException {
    try {
      return ChangeCaptioner.builder()
          .setModelDir(model)
          .optDevice(GenerateCommand.device(device))
          .optMaxNewTokens(maxNewTokens)
          .optModelCustomizer(modelOptions::applyTo)
          .build();
    } catch (MalformedModelException e) {
      throw new BadInputException(model + ": " + e.getMessage(), e);
    }
  }

  private Map<String, Object> config(CaptionEvaluation.Result r) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("model", model.toString());
    c.put("adapter", modelOptions.adapter == null ? null : modelOptions.adapter.toString());
    c.put("masks", modelOptions.masks == null ? null : modelOptions.masks.toString());
    c.put("quant", modelOptions.quant);
    c.put("test", test.toString());
    c.put("videos", videos.toString());
    c.put("events", events == null ? null : events.toString());
    c.put("limit", limit);
    c.put("batch_size", batchSize);
    c.put("max_new_tokens", maxNewTokens);
    c.put("metrics", metrics);
    c.put("decoding", "greedy");
    return c;
  }

  private void report(PrintWriter w, CaptionEvaluation.Result r) {
    w.printf(Locale.ROOT, "captioned %d pairs (%d resumed) in %.1f s: %.2f pairs/s at batch size %d%n",
        r.generated(), r.resumed(), r.captionSeconds(), r.pairsPerSecond(), batchSize);
    for (Map.Entry<String, Double> e : r.report().means().entrySet()) {
      w.printf(Locale.ROOT, "  %-22s %.6f%n", e.getKey(), e.getValue());
    }
    EventAccuracy ev = r.events();
    if (ev != null) {
      w.printf(Locale.ROOT, "change events: %d/%d exact (accuracy %.4f), micro precision %.4f, recall %.4f%s%n",
          ev.exactMatches(), ev.pairs(), ev.accuracy(), ev.microPrecision(), ev.microRecall(),
          ev.pairsWithoutTruth() == 0 ? "" : ", " + ev.pairsWithoutTruth() + " pairs without true events");
    }
    w.printf("wrote %s, scores.jsonl, scores.csv, summary.json in %s%n", PREDICTIONS, out);
    w.flush();
  }

  /** One ASCII progress bar per stage (captioning, then each metric) on stderr. */
  private static final class StageBars implements ProgressListener, AutoCloseable {
    private final PrintWriter err;
    private ProgressBar bar;

    StageBars(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void stage(String name, long total) {
      close();
      bar = ProgressBars.start(err, name, total);
    }

    @Override
    public synchronized void step(long done) {
      if (bar != null) {
        bar.stepBy(done);
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        err.println();
        err.flush();
        bar = null;
      }
    }
  }
}
