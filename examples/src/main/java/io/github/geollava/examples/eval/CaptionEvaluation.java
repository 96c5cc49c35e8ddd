package io.github.geollava.examples.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geollava.core.caption.ChangeCaptioner;
import io.github.geollava.core.video.VideoFrames;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.synth.ChangeEvent;
import io.github.geollava.dataset.synth.ChangeEventDetector;
import io.github.geollava.metrics.embed.OnnxTextEncoder;
import io.github.geollava.metrics.embed.TextEncoder;
import io.github.geollava.metrics.protocol.AtomicFiles;
import io.github.geollava.metrics.protocol.EvaluationReport;
import io.github.geollava.metrics.protocol.GeollavaEvaluator;
import io.github.geollava.metrics.protocol.Metric;
import io.github.geollava.metrics.protocol.ProgressListener;
import io.github.geollava.metrics.protocol.SampleScores;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a {@link ChangeCaptioner} on LLaVA-format test conversations: each conversation's video is
 * read from a folder ({@link VideoFrames#resolve}, every frame), captioned with the conversation's own
 * prompt in batches ({@link ChangeCaptioner#describeAll}), and the answers are scored against the
 * conversation's caption with the GeoLLaVA protocol; with the synthetic set's true events, change-event
 * accuracy too.
 *
 * <pre>{@code
 * CaptionEvaluation eval = CaptionEvaluation.builder()
 *     .setConversations(LlavaAnnotations.read(testJson))
 *     .setVideosDir(videos)
 *     .optPredictionsFile(out.resolve("predictions.jsonl"))   // resumable
 *     .optTrueEvents(EventAccuracy.readPairsEvents(pairsEvents))
 *     .build();                                                  // checks every video exists
 * CaptionEvaluation.Result r = eval.run(captioner);             // the caller owns the captioner
 * r.writeScores(out, Map.of("model", "tiny"));
 * }</pre>
 *
 * <p>Resuming: with a predictions file, conversations whose id is already in it are not captioned again
 * (their stored answer is scored), and new answers are appended batch by batch; a truncated last line
 * left by a killed run is ignored. Nothing else is cached: metrics are recomputed on every run.
 *
 * <p>Not thread-safe; one evaluation runs once at a time. The captioner serialises its own calls.
 */
public final class CaptionEvaluation {

  /** Default videos per forward pass. */
  public static final int DEFAULT_BATCH_SIZE = 8;

  /** The paper's metrics: ROUGE, BLEU, embedding similarity, plus BERTScore. */
  public static final Set<Metric> DEFAULT_METRICS =
      Collections.unmodifiableSet(EnumSet.of(Metric.ROUGE, Metric.BLEU, Metric.SIMILARITY, Metric.BERTSCORE));

  /** Per-sample column added to the scores when every pair's true events are known (1 or 0). */
  public static final String EVENTS_EXACT_COLUMN = "events_exact";

  private static final Logger LOG = LoggerFactory.getLogger(CaptionEvaluation.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<LlavaConversation> conversations;
  private final Map<String, Path> videoPaths;
  private final int batchSize;
  private final Path predictionsFile;
  private final PredictionsFile.Existing existing;
  private final List<LlavaConversation> pending;
  private final Map<String, List<ChangeEvent>> trueEvents;
  private final ProgressListener progress;
  private final Set<Metric> metrics;
  private final TextEncoder encoder;
  private final GeollavaEvaluator evaluator;
  private final String prompt;

  private CaptionEvaluation(Builder b, Map<String, Path> videoPaths, PredictionsFile.Existing existing,
      List<LlavaConversation> pending) {
    this.conversations = List.copyOf(b.conversations);
    this.videoPaths = videoPaths;
    this.batchSize = b.batchSize;
    this.predictionsFile = b.predictionsFile;
    this.existing = existing;
    this.pending = List.copyOf(pending);
    this.trueEvents = b.trueEvents;
    this.progress = b.progress;
    this.metrics = b.metrics;
    this.encoder = b.encoder;
    this.evaluator = b.evaluator;
    this.prompt = b.prompt;
  }

  /** A builder; conversations and the videos folder are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The conversations evaluated, in order. */
  public List<LlavaConversation> conversations() {
    return conversations;
  }

  /**
   * The conversations that still need a caption (none already in the predictions file); when empty,
   * {@link #run} needs no captioner, so a finished evaluation can be re-scored without loading a model.
   */
  public List<LlavaConversation> pending() {
    return pending;
  }

  /**
   * Captions the pending conversations, then scores every conversation.
   *
   * @param captioner the model; may be null only when {@link #pending()} is empty; not closed
   * @return predictions, metrics and event accuracy
   * @throws IOException if a video cannot be read (naming it) or the predictions file cannot be written
   * @throws IllegalStateException if the captioner is null but captions are pending
   */
  public Result run(ChangeCaptioner captioner) throws IOException {
    if (captioner == null && !pending.isEmpty()) {
      throw new IllegalStateException(pending.size() + " conversations need a caption but no captioner was given");
    }
    Map<String, Prediction> byId = new LinkedHashMap<>(existing.predictions());
    long start = System.nanoTime();
    if (!pending.isEmpty()) {
      progress.stage("caption", pending.size());
      try (PredictionsFile file =
          predictionsFile == null ? null : PredictionsFile.append(predictionsFile, existing)) {
        for (int from = 0; from < pending.size(); from += batchSize) {
          List<LlavaConversation> chunk = pending.subList(from, Math.min(pending.size(), from + batchSize));
          List<Prediction> done = caption(captioner, chunk);
          if (file != null) {
            file.write(done);
          }
          for (Prediction p : done) {
            byId.put(p.id(), p);
          }
          progress.step(chunk.size());
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int resumed = conversations.size() - pending.size();
    LOG.info("captioned {} pairs in {} s ({} resumed from {})", pending.size(),
        String.format("%.2f", seconds), resumed, predictionsFile);

    List<Prediction> predictions = new ArrayList<>(conversations.size());
    List<GeollavaEvaluator.Sample> samples = new ArrayList<>(conversations.size());
    for (LlavaConversation c : conversations) {
      // the reference is always the current file's caption, even for a resumed answer
      Prediction p = new Prediction(c.id(), c.caption(), byId.get(c.id()).candidate());
      predictions.add(p);
      samples.add(new GeollavaEvaluator.Sample(p.id(), p.reference(), p.candidate()));
    }
    EvaluationReport report = score(samples);
    EventAccuracy events = null;
    if (trueEvents != null) {
      events = EventAccuracy.of(predictions, trueEvents);
      if (events.pairsWithoutTruth() > 0) {
        LOG.warn("{} of {} pairs have no true events in the events file; event accuracy covers {}",
            events.pairsWithoutTruth(), predictions.size(), events.pairs());
      } else if (!predictions.isEmpty()) {
        report = withEventColumn(report, predictions);
      }
    }
    return new Result(predictions, report, events, pending.size(), resumed, seconds, batchSize);
  }

  /** Reads one chunk's videos and captions them, in order. */
  private List<Prediction> caption(ChangeCaptioner captioner, List<LlavaConversation> chunk)
      throws IOException {
    List<List<BufferedImage>> videos = new ArrayList<>(chunk.size());
    List<String> prompts = new ArrayList<>(chunk.size());
    for (LlavaConversation c : chunk) {
      videos.add(VideoFrames.read(videoPaths.get(c.id()), 0));
      prompts.add(promptOf(c));
    }
    List<String> answers = captioner.describeAll(videos, prompts, batchSize);
    List<Prediction> out = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      out.add(new Prediction(chunk.get(i).id(), chunk.get(i).caption(), answers.get(i)));
    }
    return out;
  }

  private String promptOf(LlavaConversation c) {
    if (prompt != null) {
      return prompt;
    }
    String p = c.prompt();
    return p == null || p.isBlank() ? ChangeCaptioner.DEFAULT_PROMPT : p;
  }

  private EvaluationReport score(List<GeollavaEvaluator.Sample> samples) throws IOException {
    if (evaluator != null) {
      return evaluator.evaluate(samples, progress);
    }
    boolean needsEncoder = metrics.stream().anyMatch(Metric::needsEncoder);
    TextEncoder enc = encoder;
    TextEncoder owned = null;
    if (needsEncoder && enc == null) {
      owned = OnnxTextEncoder.allMiniLmL6V2();
      enc = owned;
    }
    try {
      return GeollavaEvaluator.builder().optMetrics(metrics).optEncoder(needsEncoder ? enc : null).build()
          .evaluate(samples, progress);
    } finally {
      if (owned != null) {
        owned.close();
      }
    }
  }

  /** The report with a 0/1 {@link #EVENTS_EXACT_COLUMN} per sample, so means, CI and CSV carry it. */
  private EvaluationReport withEventColumn(EvaluationReport report, List<Prediction> predictions) {
    List<SampleScores> rows = new ArrayList<>(report.samples().size());
    for (int i = 0; i < report.samples().size(); i++) {
      SampleScores s = report.samples().get(i);
      Prediction p = predictions.get(i);
      boolean exact = ChangeEventDetector.exactMatch(p.candidate(), trueEvents.get(p.id()));
      LinkedHashMap<String, Double> scalars = new LinkedHashMap<>(s.scalars());
      scalars.put(EVENTS_EXACT_COLUMN, exact ? 1.0 : 0.0);
      rows.add(new SampleScores(s.id(), s.prf(), scalars));
    }
    return EvaluationReport.of(rows, report.bootstrap());
  }

  /**
   * What an evaluation produced.
   *
   * @param predictions one per conversation, in conversation order
   * @param report the per-pair metrics and their means (with {@link #EVENTS_EXACT_COLUMN} when every
   *     pair's true events are known)
   * @param events change-event accuracy, or null without true events
   * @param generated captions generated by this run
   * @param resumed captions taken from the predictions file
   * @param captionSeconds wall time of this run's captioning
   * @param batchSize videos per forward pass
   */
  public record Result(
      List<Prediction> predictions,
      EvaluationReport report,
      EventAccuracy events,
      int generated,
      int resumed,
      double captionSeconds,
      int batchSize) {

    /** Copies the predictions. */
    public Result {
      predictions = List.copyOf(predictions);
      Objects.requireNonNull(report, "report");
    }

    /** Captions per second of this run (0 when nothing was generated). */
    public double pairsPerSecond() {
      return generated == 0 || captionSeconds <= 0 ? 0 : generated / captionSeconds;
    }

    /**
     * Writes {@code scores.jsonl} (per pair), {@code scores.csv} (per pair and an {@code average} row)
     * and {@code summary.json} (means, confidence intervals, change events, generation counts and
     * {@code config}) into a folder, each atomically.
     *
     * @param dir the folder (created if needed)
     * @param config settings recorded under {@code "config"} in the summary
     * @throws IOException if writing fails
     */
    public void writeScores(Path dir, Map<String, ?> config) throws IOException {
      Files.createDirectories(dir);
      report.writeJsonl(dir.resolve("scores.jsonl"));
      report.writeCsv(dir.resolve("scores.csv"));
      // the report's own summary, extended in memory and written once, so summary.json is never partial
      Path tmp = Files.createTempFile(dir, ".summary", ".json");
      ObjectNode root;
      try {
        report.writeSummary(tmp, config);
        root = (ObjectNode) JSON.readTree(tmp.toFile());
      } finally {
        Files.deleteIfExists(tmp);
      }
      if (events != null) {
        ObjectNode e = root.putObject("change_events");
        e.put("pairs", events.pairs());
        e.put("exact_matches", events.exactMatches());
        e.put("accuracy", events.accuracy());
        e.put("micro_precision", events.microPrecision());
        e.put("micro_recall", events.microRecall());
        e.put("pairs_without_truth", events.pairsWithoutTruth());
      }
      ObjectNode g = root.putObject("generation");
      g.put("generated", generated);
      g.put("resumed", resumed);
      g.put("seconds", captionSeconds);
      g.put("pairs_per_second", pairsPerSecond());
      g.put("batch_size", batchSize);
      String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
      AtomicFiles.write(dir.resolve("summary.json"), w -> w.write(text));
    }
  }

  /** Builder of {@link CaptionEvaluation}. */
  public static final class Builder {
    private List<LlavaConversation> conversations;
    private Path videosDir;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Path predictionsFile;
    private Map<String, List<ChangeEvent>> trueEvents;
    private ProgressListener progress = ProgressListener.NONE;
    private Set<Metric> metrics = DEFAULT_METRICS;
    private TextEncoder encoder;
    private GeollavaEvaluator evaluator;
    private String prompt;

    private Builder() {}

    /**
     * Sets the test conversations (required): id, video field, prompt (human turn) and reference
     * caption (gpt turn), e.g. from {@code LlavaAnnotations.read}. Ids must be unique.
     *
     * @param conversations the conversations
     * @return this builder
     */
    public Builder setConversations(List<LlavaConversation> conversations) {
      this.conversations = List.copyOf(Objects.requireNonNull(conversations, "conversations"));
      return this;
    }

    /**
     * Sets the folder the conversations' {@code "video"} fields are relative to (required).
     *
     * @param dir the folder, e.g. the output of {@code geollava pairs --videos}
     * @return this builder
     */
    public Builder setVideosDir(Path dir) {
      this.videosDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * Sets how many videos go through the model together (default {@value #DEFAULT_BATCH_SIZE}).
     *
     * @param n at least 1
     * @return this builder
     */
    public Builder optBatchSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, got " + n);
      }
      this.batchSize = n;
      return this;
    }

    /**
     * Keeps predictions in a JSONL file, appended batch by batch, and resumes from it (default: none,
     * everything in memory).
     *
     * @param file e.g. {@code out/predictions.jsonl}
     * @return this builder
     */
    public Builder optPredictionsFile(Path file) {
      this.predictionsFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Sets the true change events per pair id, for change-event accuracy (default: none).
     *
     * @param events e.g. {@link EventAccuracy#readPairsEvents}
     * @return this builder
     */
    public Builder optTrueEvents(Map<String, List<ChangeEvent>> events) {
      this.trueEvents = Map.copyOf(Objects.requireNonNull(events, "events"));
      return this;
    }

    /**
     * Receives progress: a {@code caption} stage with one step per pair, then the metric stages.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder optProgress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the metrics (default {@link #DEFAULT_METRICS}); similarity and BERTScore use
     * {@link #optEncoder}, or the embedded all-MiniLM-L6-v2 loaded for the run.
     *
     * @param metrics at least one
     * @return this builder
     */
    public Builder optMetrics(Set<Metric> metrics) {
      if (metrics.isEmpty()) {
        throw new IllegalArgumentException("metrics must not be empty");
      }
      this.metrics = Collections.unmodifiableSet(EnumSet.copyOf(metrics));
      return this;
    }

    /**
     * Sets the sentence encoder for similarity and BERTScore (not closed by the evaluation).
     *
     * @param encoder the encoder
     * @return this builder
     */
    public Builder optEncoder(TextEncoder encoder) {
      this.encoder = Objects.requireNonNull(encoder, "encoder");
      return this;
    }

    /**
     * Scores with this evaluator instead of one built from {@link #optMetrics} and {@link #optEncoder}.
     *
     * @param evaluator the evaluator
     * @return this builder
     */
    public Builder optEvaluator(GeollavaEvaluator evaluator) {
      this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
      return this;
    }

    /**
     * Uses one instruction for every pair instead of each conversation's own human turn.
     *
     * @param prompt the instruction
     * @return this builder
     */
    public Builder optPrompt(String prompt) {
      if (prompt == null || prompt.isBlank()) {
        throw new IllegalArgumentException("prompt must not be blank");
      }
      this.prompt = prompt;
      return this;
    }

    /**
     * Validates the conversations, resolves every video, checks that the videos still to caption exist
     * and reads what the predictions file already holds, so that bad input fails before a model is
     * loaded.
     *
     * @return the evaluation
     * @throws IllegalArgumentException on a duplicate id, a conversation without a caption, or a video
     *     field that is absolute or leaves the folder (the message names the id and the field)
     * @throws NoSuchFileException naming the video of a pending conversation that does not exist
     * @throws IOException if the predictions file is malformed
     */
    public CaptionEvaluation build() throws IOException {
      if (conversations == null) {
        throw new IllegalStateException("setConversations(...) is required");
      }
      if (videosDir == null) {
        throw new IllegalStateException("setVideosDir(...) is required");
      }
      Set<String> seen = new HashSet<>();
      Map<String, Path> paths = new LinkedHashMap<>();
      for (LlavaConversation c : conversations) {
        if (!seen.add(c.id())) {
          throw new IllegalArgumentException("duplicate conversation id '" + c.id()
              + "': predictions are keyed by id");
        }
        if (c.caption() == null) {
          throw new IllegalArgumentException("conversation '" + c.id()
              + "' has no gpt turn: the reference caption is missing");
        }
        try {
          paths.put(c.id(), VideoFrames.resolve(videosDir, c.video()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("conversation '" + c.id() + "': " + e.getMessage(), e);
        }
      }
      PredictionsFile.Existing existing = predictionsFile == null
          ? new PredictionsFile.Existing(Map.of(), 0, false) : PredictionsFile.read(predictionsFile);
      List<LlavaConversation> pending = new ArrayList<>();
      for (LlavaConversation c : conversations) {
        if (!existing.predictions().containsKey(c.id())) {
          Path p = paths.get(c.id());
          if (!Files.exists(p)) {
            throw new NoSuchFileException(p.toString(), null,
                "video of conversation '" + c.id() + "' (field \"video\": \"" + c.video() + "\")");
          }
          pending.add(c);
        }
      }
      return new CaptionEvaluation(this, paths, existing, pending);
    }
  }
}
