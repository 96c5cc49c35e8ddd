package io.github.geollava.examples.demo;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.geollava.core.caption.ChangeCaptioner;
import io.github.geollava.core.config.HfConfigs;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.text.ChatTemplate;
import io.github.geollava.core.text.TextTokenizer;
import io.github.geollava.core.train.CaptionExample;
import io.github.geollava.core.train.CaptionTrainer;
import io.github.geollava.core.train.LrSchedule;
import io.github.geollava.core.train.PixelCache;
import io.github.geollava.core.train.ProgressLogger;
import io.github.geollava.core.train.TrainingConfig;
import io.github.geollava.core.train.TrainingListener;
import io.github.geollava.core.train.TrainingResult;
import io.github.geollava.core.video.VideoFrames;
import io.github.geollava.dataset.fmow.AtomicFiles;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.synth.SyntheticFmow;
import io.github.geollava.dataset.synth.ChangeEvent;
import io.github.geollava.examples.cli.GeollavaCli;
import io.github.geollava.examples.eval.CaptionEvaluation;
import io.github.geollava.examples.eval.EventAccuracy;
import io.github.geollava.metrics.embed.OnnxTextEncoder;
import io.github.geollava.metrics.embed.TextEncoder;
import io.github.geollava.examples.train.LoraSpec;
import io.github.geollava.examples.train.TrainingData;
import io.github.geollava.examples.train.TrainingProgressBar;
import io.github.geollava.examples.train.Variant;
import io.github.geollava.examples.train.Variants;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.peft.PeftAdapters;
import io.github.geollava.lora.quant.QuantFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GeoLLaVA end to end in miniature: synthetic mini-fMoW, temporal pairs as 2-frame videos, a small
 * base pre-trained on single-image scene descriptions (the stand-in for a general-purpose VLM), then
 * LoRA, QLoRA-NF4, QLoRA-INT8 and LoRA after 5 % and 10 % magnitude pruning on the change captions,
 * each scored on held-out locations with ROUGE, BLEU, sentence similarity, BERTScore and change-event
 * accuracy: the paper's Table 1, plus {@code report.html}.
 *
 * <p>Every stage leaves its artifacts under the output folder and is skipped when they exist, and the
 * trainings resume from their checkpoints, so an interrupted demo continues where it stopped and a
 * second run only rebuilds the report.
 */
public final class DemoPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPipeline.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The paper's adapter: r 64, alpha 128 on every linear layer of the decoder. */
  public static final LoraConfig LORA = LoraSpec.parse("r=64,alpha=128");

  /** The fine-tuned rows of Table 1, in order. */
  public static final List<Variant> VARIANTS = List.of(
      new Variant("LoRA", LORA, null, 0),
      new Variant("QLoRA-NF4", LORA, QuantFormat.NF4, 0),
      new Variant("QLoRA-INT8", LORA, QuantFormat.INT8, 0),
      new Variant("LoRA-prune5%", LORA, null, 0.05),
      new Variant("LoRA-prune10%", LORA, null, 0.10));

  private final Path out;
  private final DemoSettings settings;
  private final long seed;
  private final PrintWriter err;
  private final List<String> only;
  private TextEncoder encoder;


  private DemoPipeline(Builder b) {
    this.out = b.out;
    this.settings = b.settings;
    this.seed = b.seed;
    this.err = b.err;
    this.only = b.only;
  }

  /** A builder; the output folder is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs every stage that has not run yet and builds the report.
   *
   * @return the report's content (also written as {@code report.html}, {@code table.md},
   *     {@code results.json})
   * @throws IOException if a file cannot be read or written
   * @throws MalformedModelException if a saved artifact does not fit the model
   */
  public DemoReport run() throws IOException, MalformedModelException {
    long started = System.nanoTime();
    Files.createDirectories(out);
    Path data = out.resolve("data");
    Path videos = out.resolve("videos");
    synth(data);
    pairs(data, videos);

    List<LlavaConversation> train = LlavaAnnotations.read(data.resolve("annotations/train.json"));
    List<LlavaConversation> test = LlavaAnnotations.read(data.resolve("annotations/test.json"));
    List<LlavaConversation> scenes = LlavaAnnotations.read(data.resolve("annotations/scenes.json"));
    List<LlavaConversation> scenesTest = LlavaAnnotations.read(data.resolve("annotations/scenes_test.json"));
    Path eventsFile = data.resolve("annotations/pairs_events.jsonl");
    Map<String, JsonNode> events = events(eventsFile);
    Map<String, List<ChangeEvent>> truth = EventAccuracy.readPairsEvents(eventsFile);
    if (settings.evalPairs() > 0 && test.size() > settings.evalPairs()) {
      test = test.subList(0, settings.evalPairs());
    }
    PixelCache pixels = new PixelCache(DemoModels.preprocessor(), 1L << 30);
    Path base = out.resolve("base");
    pretrain(base, train, scenes, scenesTest, data, pixels);

    List<VariantResult> rows = new ArrayList<>();
    try {
      rows.add(baseRow(base, test, videos, truth));
      for (Variant v : VARIANTS) {
        if (only.isEmpty() || only.contains(v.name())) {
          rows.add(variantRow(base, v, train, test, videos, truth, pixels));
        }
      }
    } finally {
      if (encoder != null) {
        encoder.close();
        encoder = null;
      }
    }
    List<DemoSample> samples = new ArrayList<>();
    // every scored pair: the report shows the first few and counts words over all of them
    for (LlavaConversation c : test) {
      JsonNode e = events.get(c.id());
      List<String> names = new ArrayList<>();
      e.get("events").forEach(n -> names.add(n.asText()));
      samples.add(new DemoSample(c.id(), data.resolve(e.get("first").asText()),
          data.resolve(e.get("second").asText()), c.caption(), names));
    }
    double wall = (System.nanoTime() - started) / 1e9;
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("locations", settings.locations() + " (seed " + seed + ")");
    facts.put("train pairs", Integer.toString(train.size()));
    facts.put("scene descriptions (pre-training)", Integer.toString(scenes.size()));
    facts.put("test pairs scored", test.size() + " (held-out locations)");
    facts.put("model", modelText(base));
    facts.put("wall time", ProgressLogger.duration(wall) + " (stages already done are skipped)");
    facts.put("peak RSS", peakRss());
    DemoReport report = new DemoReport("GeoLLaVA for Java: Table 1 in miniature", rows, samples, facts);
    ReportWriter.write(report, out.resolve("report.html"));
    writeAtomically(out.resolve("table.md"), DemoTable.markdown(rows));
    writeAtomically(out.resolve("results.json"), JSON.writeValueAsString(rows));
    return report;
  }

  // ---- stages ----------------------------------------------------------------------------------

  private void synth(Path data) throws IOException {
    if (Files.isRegularFile(data.resolve("synth_manifest.json"))) {
      JsonNode m = JSON.readTree(data.resolve("synth_manifest.json").toFile());
      if (m.path("locations").asInt() == settings.locations() && m.path("seed").asLong() == seed
          && m.path("image_size").asInt() == settings.imageSize()) {
        LOG.info("synthetic mini-fMoW already in {}", data);
        return;
      }
      throw new IllegalArgumentException(data + " holds a synthetic set of other settings; use another --out");
    }
    LOG.info("generating the synthetic mini-fMoW: {} locations", settings.locations());
    SyntheticFmow.builder().outputDir(data).locations(settings.locations()).imageSize(settings.imageSize())
        .seed(seed).build().generate();
  }

  private void pairs(Path data, Path videos) {
    // the real pair builder and the paper's 2-frame mp4 videos, through the `pairs` command
    int rc = GeollavaCli.execute("pairs", "--fmow", data.toString(), "--split", "all",
        "--out", out.resolve("pairs").toString(), "--videos", videos.toString());
    if (rc != 0) {
      throw new IllegalStateException("geollava pairs failed with status " + rc);
    }
  }

  private void pretrain(Path base, List<LlavaConversation> train, List<LlavaConversation> scenes,
      List<LlavaConversation> scenesTest, Path data, PixelCache pixels) throws IOException {
    if (Files.isRegularFile(base.resolve("pretrain.json"))) {
      LOG.info("pre-trained base already in {}", base);
      return;
    }
    // The tokenizer knows the training captions' words, never the test set's.
    List<LlavaConversation> corpus = new ArrayList<>(scenes);
    corpus.addAll(train);
    List<String> words = DemoModels.vocabulary(ChatTemplate.LLAVA_NEXT_VIDEO, corpus);
    Path work = out.resolve("base-run");
    Files.createDirectories(work);
    Path tokFile = work.resolve("tokenizer.json");
    DemoModels.writeTokenizer(words, tokFile);
    LlavaNextVideoConfig config = DemoModels.config(DemoModels.SPECIAL_TOKENS.size() + words.size(),
        settings.model());
    List<CaptionExample> examples = TrainingData.examples(scenes, data);
    List<CaptionExample> val = TrainingData.examples(scenesTest.subList(0, Math.min(16, scenesTest.size())), data);
    TrainingConfig tc = TrainingConfig.builder().optEpochs(settings.pretrainEpochs())
        .optBatchSize(settings.batchSize()).optLearningRate(settings.pretrainLr())
        .optSchedule(LrSchedule.COSINE).optWarmupRatio(0.05).optMaxLength(384).optSeed(seed)
        .optValidationInterval(0.5).build();
    try (TextTokenizer tok = TextTokenizer.load(tokFile);
        LlavaNextVideoModel m = LlavaNextVideoModel.create(config, seed, Device.cpu())) {
      TrainingResult r = train(m, tok, tc, examples, val, work.resolve("checkpoints"), "pre-train", pixels,
          new TrainingListener() {});
      Path tmp = Files.createTempDirectory(out, ".base-");
      m.save(tmp);
      Files.copy(tokFile, tmp.resolve("tokenizer.json"));
      DemoModels.writePreprocessor(tmp);
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("examples", r.examples());
      info.put("steps", r.steps());
      info.put("final_loss", r.finalLoss());
      info.put("validation_loss", r.lastValidationLoss());
      info.put("seconds", r.seconds());
      info.put("parameters", m.parameterCount());
      JSON.writeValue(tmp.resolve("pretrain.json").toFile(), info);
      if (Files.exists(base)) {
        deleteTree(base);
      }
      Files.move(tmp, base, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private VariantResult baseRow(Path base, List<LlavaConversation> test, Path videos,
      Map<String, List<ChangeEvent>> events) throws IOException, MalformedModelException {
    Path dir = out.resolve("variants").resolve("base");
    Path result = dir.resolve("result.json");
    if (Files.isRegularFile(result)) {
      return JSON.readValue(result.toFile(), VariantResult.class);
    }
    LlavaNextVideoModel m = LlavaNextVideoModel.load(base, Device.cpu());
    long params = m.parameterCount();
    long bytes = Variants.baseWeightBytes(m);
    EvalOutcome e = evaluate(m, base, test, videos, events, dir, "base");
    VariantResult row = new VariantResult("base", "pre-trained on scene descriptions only", 0, params, bytes, 0,
        e.metrics(), e.captions());
    Files.createDirectories(dir);
    writeAtomically(result, JSON.writeValueAsString(row));
    return row;
  }

  private VariantResult variantRow(Path base, Variant v, List<LlavaConversation> train,
      List<LlavaConversation> test, Path videos, Map<String, List<ChangeEvent>> events, PixelCache pixels)
      throws IOException, MalformedModelException {
    Path dir = out.resolve("variants").resolve(v.name());
    Path result = dir.resolve("result.json");
    if (Files.isRegularFile(result)) {
      LOG.info("{} already evaluated in {}", v.name(), dir);
      return JSON.readValue(result.toFile(), VariantResult.class);
    }
    Files.createDirectories(dir);
    LlavaConversation[] all = train.toArray(new LlavaConversation[0]);
    int valCount = Math.min(16, Math.max(1, all.length / 20));
    List<CaptionExample> examples = TrainingData.examples(List.of(all).subList(valCount, all.length), videos);
    List<CaptionExample> val = TrainingData.examples(List.of(all).subList(0, valCount), videos);
    TrainingConfig tc = TrainingConfig.builder().optEpochs(settings.finetuneEpochs())
        .optBatchSize(settings.batchSize()).optLearningRate(settings.finetuneLr())
        .optSchedule(LrSchedule.COSINE).optWarmupRatio(0.05).optMaxLength(384).optSeed(seed)
        .optValidationInterval(0.5).build();
    LlavaNextVideoModel m = LlavaNextVideoModel.load(base, Device.cpu());
    Variants.Prepared prepared = Variants.prepare(m, v, seed);
    long bytes = Variants.baseWeightBytes(m);
    TrainingListener masks = Variants.maskListener(prepared, v, m);
    if (prepared.masks() != null) {
      prepared.masks().save(dir.resolve("masks.safetensors"));
    }
    TrainingResult r;
    try (TextTokenizer tok = tokenizer(base)) {
      r = train(m, tok, tc, examples, val, dir.resolve("checkpoints"), v.name(), pixels, masks);
    } catch (IOException | RuntimeException ex) {
      m.close();
      throw ex;
    }
    PeftAdapters.save(m.block(), Variants.ADAPTER, v.lora(), dir.resolve("adapter"));
    EvalOutcome e = evaluate(m, base, test, videos, events, dir, v.name());
    String method = v.describe() + (r.resumedFromStep() > 0 ? " (resumed at step " + r.resumedFromStep() + ")" : "");
    // PEFT's "all params": the base plus the adapters
    VariantResult row = new VariantResult(v.name(), method, prepared.injection().trainableParameters(),
        prepared.injection().totalParameters(), bytes, r.seconds(), e.metrics(), e.captions());
    writeAtomically(result, JSON.writeValueAsString(row));
    return row;
  }

  private TrainingResult train(LlavaNextVideoModel m, TextTokenizer tok, TrainingConfig tc,
      List<CaptionExample> examples, List<CaptionExample> val, Path checkpoints, String task, PixelCache pixels,
      TrainingListener extra) throws IOException {
    try (TrainingProgressBar bar = err == null ? null : new TrainingProgressBar(err, task)) {
      CaptionTrainer.Builder b = CaptionTrainer.builder().setModel(m, tok).optConfig(tc).optPixelCache(pixels)
          .optCheckpointDir(checkpoints).addListener(extra);
      b.addListener(bar != null ? bar : new ProgressLogger(15));
      return b.build().fit(examples, val);
    }
  }

  /** Captions and scores the held-out pairs (resumably); closes the model. */
  private EvalOutcome evaluate(LlavaNextVideoModel m, Path base, List<LlavaConversation> test, Path videos,
      Map<String, List<ChangeEvent>> truth, Path dir, String name) throws IOException, MalformedModelException {
    TextTokenizer tok;
    try {
      tok = tokenizer(base);
    } catch (IOException | RuntimeException e) {
      m.close();
      throw e;
    }
    ChangeCaptioner captioner;
    try {
      captioner = ChangeCaptioner.builder().setModel(m, tok).optPreprocessor(DemoModels.preprocessor())
          .optMaxNewTokens(settings.maxNewTokens()).build();
    } catch (IOException | MalformedModelException | RuntimeException e) {
      m.close();
      tok.close();
      throw e;
    }
    try (ChangeCaptioner c = captioner) {
      Files.createDirectories(dir);
      CaptionEvaluation.Builder b = CaptionEvaluation.builder().setConversations(test).setVideosDir(videos)
          .optBatchSize(16).optPredictionsFile(dir.resolve("predictions.jsonl")).optTrueEvents(truth)
          .optEncoder(encoder());
      CaptionEvaluation.Result r = b.build().run(c);
      r.writeScores(dir.resolve("eval"), Map.of("variant", name));
      Map<String, Double> metrics = new LinkedHashMap<>();
      Map<String, Double> means = r.report().means();
      metrics.put("rouge1", means.get("rouge1_fmeasure"));
      metrics.put("rouge2", means.get("rouge2_fmeasure"));
      metrics.put("rougeL", means.get("rougeL_fmeasure"));
      metrics.put("bleu", means.get("bleu"));
      metrics.put("similarity", means.get("similarity"));
      metrics.put("bertscore", means.get("bertscore_fmeasure"));
      if (r.events() != null) {
        metrics.put("events", r.events().accuracy());
      }
      metrics.values().removeIf(Objects::isNull);
      List<String> captions = new ArrayList<>();
      for (var p : r.predictions()) {
        captions.add(p.candidate());
      }
      LOG.info("{}: ROUGE-1 {}, events {}", name, metrics.get("rouge1"), metrics.get("events"));
      return new EvalOutcome(metrics, captions);
    }
  }

  /** The sentence encoder for similarity and BERTScore, loaded once per run. */
  private TextEncoder encoder() throws IOException {
    if (encoder == null) {
      encoder = OnnxTextEncoder.allMiniLmL6V2();
    }
    return encoder;
  }

  /** What evaluation gives a row. */
  private record EvalOutcome(Map<String, Double> metrics, List<String> captions) {}

  // ---- helpers ---------------------------------------------------------------------------------


  private static TextTokenizer tokenizer(Path base) throws IOException {
    LlavaNextVideoConfig cfg = HfConfigs.readLlavaNextVideo(base.resolve(HfConfigs.CONFIG_FILE));
    return TextTokenizer.loadWithMediaTokens(base, cfg.videoTokenIndex(), cfg.imageTokenIndex());
  }

  private static Map<String, JsonNode> events(Path jsonl) throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    for (String line : Files.readAllLines(jsonl)) {
      if (!line.isBlank()) {
        JsonNode n = JSON.readTree(line);
        out.put(n.get("id").asText(), n);
      }
    }
    return out;
  }

  private String modelText(Path base) throws IOException {
    LlavaNextVideoConfig c = HfConfigs.readLlavaNextVideo(base.resolve(HfConfigs.CONFIG_FILE));
    JsonNode info = JSON.readTree(base.resolve("pretrain.json").toFile());
    return String.format(Locale.ROOT,
        "LLaVA-NeXT-Video architecture, %,d parameters: CLIP %d px / patch %d, width %d x %d layers; "
            + "LLaMA width %d x %d layers, GQA 4/2 heads, vocabulary %d (domain word-level tokenizer); "
            + "pre-trained %d steps on scene descriptions in %.0f s",
        info.path("parameters").asLong(), c.visionConfig().imageSize(), c.visionConfig().patchSize(),
        c.visionConfig().hiddenSize(), c.visionConfig().numHiddenLayers(), c.textConfig().hiddenSize(),
        c.textConfig().numHiddenLayers(), c.textConfig().vocabSize(), info.path("steps").asLong(),
        info.path("seconds").asDouble());
  }

  /** Peak resident memory of this process (Linux {@code VmHWM}), or "n/a". */
  static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("no /proc/self/status: {}", e.toString());
    }
    return "n/a";
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    AtomicFiles.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Builder of {@link DemoPipeline}. */
  public static final class Builder {
    private Path out;
    private DemoSettings settings = DemoSettings.DEFAULT;
    private long seed = 7;
    private PrintWriter err;
    private List<String> only = List.of();

    private Builder() {}

    /** Sets the output folder (required); its artifacts are reused by later runs. */
    public Builder setOutputDir(Path dir) {
      this.out = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Sets the sizes (default {@link DemoSettings#DEFAULT}). */
    public Builder optSettings(DemoSettings s) {
      this.settings = Objects.requireNonNull(s, "settings");
      return this;
    }

    /** Sets the seed of the data, the weights and the shuffles (default 7). */
    public Builder optSeed(long s) {
      this.seed = s;
      return this;
    }

    /** Draws progress bars on this writer (default: log lines instead). */
    public Builder optProgress(PrintWriter err) {
      this.err = err;
      return this;
    }

    /** Runs only these variants besides the base (default all), e.g. for tests. */
    public Builder optVariants(List<String> names) {
      for (String n : names) {
        if (VARIANTS.stream().noneMatch(v -> v.name().equals(n))) {
          throw new IllegalArgumentException("unknown variant '" + n + "' (known: "
              + VARIANTS.stream().map(Variant::name).toList() + ")");
        }
      }
      this.only = List.copyOf(names);
      return this;
    }

    /** Validates and builds. */
    public DemoPipeline build() {
      if (out == null) {
        throw new IllegalStateException("setOutputDir(...) is required");
      }
      return new DemoPipeline(this);
    }
  }
}
