package io.github.geollava.core.train;

import io.github.geollava.core.nn.Scalars;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.safetensors.MalformedSafetensorsException;
import io.github.geollava.core.text.ChatTemplate;
import io.github.geollava.core.text.TextTokenizer;
import io.github.geollava.core.video.PixelValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes a LLaVA-NeXT-Video model on (video, prompt, answer) examples: the GeoLLaVA training loop.
 *
 * <p>Trains exactly the parameters that require gradients when {@link #fit} starts: everything for a
 * full fine-tune, only the adapters after LoRA injection (geollava-lora freezes the base). Each
 * optimizer step runs {@code gradientAccumulation} micro-batches of {@code batchSize} examples
 * (right-padded, attention-masked) under one autograd pass each; the loss is the cross-entropy per
 * labelled token of the whole step, so accumulation gives the same update as one larger batch. Then
 * the global gradient norm is clipped, AdamW steps at the scheduled rate and listeners run (pruning
 * masks are re-applied there).
 *
 * <p>Resumable: with a checkpoint folder, the trainer writes checkpoints atomically and, when started
 * again on the same run, continues from the newest one (parameters, optimizer moments, step, position
 * in the shuffled epoch; the shuffle and the engine's dropout are seeded from the seed and the step), so
 * a run killed with {@code kill -9} ends with the same weights and loss as an uninterrupted one.
 *
 * <p>Memory: every step runs in an {@link NDScope}, so native memory stays flat across steps; the
 * optimizer state is created before the first scope.
 *
 * <pre>{@code
 * TrainingResult r = CaptionTrainer.builder()
 *     .setModel(model, tokenizer)
 *     .optConfig(TrainingConfig.builder().optEpochs(2).optLearningRate(2e-4).build())
 *     .optCheckpointDir(Path.of("runs/lora"))
 *     .addListener(new ProgressLogger(10))
 *     .build()
 *     .fit(train, validation);
 * }</pre>
 */
public final class CaptionTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(CaptionTrainer.class);

  private final LlavaNextVideoModel model;
  private final TextTokenizer tokenizer;
  private final ChatTemplate template;
  private final PixelCache pixels;
  private final TrainingConfig config;
  private final Path checkpointDir;
  private final boolean resume;
  private final List<TrainingListener> listeners;
  private String stopReason;
  private int skippedSteps;
  private int consecutiveSkips;

  private CaptionTrainer(Builder b) {
    this.model = b.model;
    this.tokenizer = b.tokenizer;
    this.template = b.template;
    int size = model.config().visionConfig().imageSize();
    this.pixels = b.pixels != null ? b.pixels
        : new PixelCache(PreprocessorConfig.clipDefaults().withSize(size), 1L << 30);
    PreprocessorConfig pre = pixels.config();
    if (pre.outputHeight() != size || pre.outputWidth() != size) {
      throw new IllegalArgumentException("the image processor makes " + pre.outputHeight() + "x"
          + pre.outputWidth() + " frames but the vision tower expects " + size + "x" + size);
    }
    this.config = b.config;
    this.checkpointDir = b.checkpointDir;
    this.resume = b.resume;
    this.listeners = List.copyOf(b.listeners);
  }

  /** A builder; the model and its tokenizer are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The run's hyper-parameters. */
  public TrainingConfig config() {
    return config;
  }

  /**
   * The parameters that train: those that require gradients, by Hugging Face name, each array once
   * (tied embeddings share one).
   *
   * @param model the model
   * @return an ordered map from name to parameter
   */
  public static Map<String, Parameter> trainableParameters(LlavaNextVideoModel model) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    IdentityHashMap<NDArray, Boolean> seen = new IdentityHashMap<>();
    for (Map.Entry<String, Parameter> e : ModulePaths.parameters(model.block()).entrySet()) {
      Parameter p = e.getValue();
      if (p.requiresGradient() && p.isInitialized() && p.getArray().hasGradient()
          && seen.put(p.getArray(), Boolean.TRUE) == null) {
        out.put(e.getKey(), p);
      }
    }
    return out;
  }

  /**
   * Trains on {@code train}, validating on {@code validation} (may be empty) every
   * {@link TrainingConfig#validationInterval()} of an epoch and at the end.
   *
   * @param train the training examples
   * @param validation the validation examples
   * @return what happened
   * @throws IOException naming a video that cannot be read or a checkpoint that cannot be written
   * @throws IllegalStateException if nothing requires gradients, or a checkpoint to resume from was
   *     written for another run
   */
  public TrainingResult fit(List<CaptionExample> train, List<CaptionExample> validation) throws IOException {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    Map<String, Parameter> params = trainableParameters(model);
    if (params.isEmpty()) {
      throw new IllegalStateException("no parameter of the model requires gradients: nothing to train"
          + " (inject LoRA adapters or unfreeze parameters first)");
    }
    long trainable = 0;
    for (Parameter p : params.values()) {
      trainable += p.getArray().size();
    }
    ExampleEncoder encoder = newEncoder();
    List<EncodedExample> data = encodeAll(encoder, train);
    int truncated = encoder.truncated();
    int dropped = encoder.dropped();
    List<EncodedExample> val = encodeAll(newEncoder(), validation);
    if (data.isEmpty()) {
      throw new IllegalArgumentException("every training example was dropped (" + dropped
          + " longer than maxLength " + config.maxLength() + ")");
    }
    if (truncated + dropped > 0) {
      LOG.warn("{} of {} training examples exceed maxLength {}: {} truncated, {} dropped", truncated + dropped,
          train.size(), config.maxLength(), truncated, dropped);
    }
    long batches = (data.size() + config.batchSize() - 1) / config.batchSize();
    long stepsPerEpoch = (batches + config.gradientAccumulation() - 1) / config.gradientAccumulation();
    long totalSteps = stepsPerEpoch * config.epochs();
    long warmup = Math.round(config.warmupRatio() * totalSteps);
    long validateEvery = config.validationInterval() > 0
        ? Math.max(1, Math.round(config.validationInterval() * stepsPerEpoch)) : totalSteps;
    Map<String, String> run = runIdentity(data, params, totalSteps);

    try (AdamW optimizer = new AdamW(params, config, model.manager())) {
      long step = 0;
      int epoch = 0;
      long stepInEpoch = 0;
      double lastLoss = Double.NaN;
      Path lastCheckpoint = null;
      if (checkpointDir != null && resume) {
        Optional<Path> latest = Checkpoints.latest(checkpointDir);
        if (latest.isPresent()) {
          TrainerState s = Checkpoints.readState(latest.get());
          checkCompatible(latest.get(), s.run(), run);
          try {
            Checkpoints.restore(latest.get(), params, optimizer);
          } catch (MalformedSafetensorsException e) {
            throw new IOException(e.getMessage(), e);
          }
          step = s.step();
          epoch = s.epoch();
          stepInEpoch = s.stepInEpoch();
          lastLoss = s.lastLoss();
          lastCheckpoint = latest.get();
          LOG.info("resuming from {} at step {} of {}", latest.get(), step, totalSteps);
        }
      }
      long resumedFrom = step;
      for (TrainingListener l : listeners) {
        l.onStart(totalSteps, step);
      }
      List<Double> losses = new ArrayList<>();
      List<ValidationStats> validations = new ArrayList<>();
      long tokens = 0;
      long started = System.nanoTime();
      stopReason = null;
      skippedSteps = 0;
      consecutiveSkips = 0;
      TrainingControl control = reason -> {
        if (stopReason == null) {
          stopReason = reason;
          LOG.info("stopping early: {}", reason);
        }
      };
      LOG.info("training {} parameters ({} tensors) on {} examples: {} steps of {} x {} examples, {} epochs",
          trainable, params.size(), data.size(), totalSteps, config.batchSize(),
          config.gradientAccumulation(), config.epochs());
      outer:
      for (; epoch < config.epochs(); epoch++, stepInEpoch = 0) {
        List<List<EncodedExample>> epochBatches = batches(data, epoch);
        for (; stepInEpoch < stepsPerEpoch; ) {
          int from = (int) (stepInEpoch * config.gradientAccumulation());
          List<List<EncodedExample>> group =
              epochBatches.subList(from, Math.min(epochBatches.size(), from + config.gradientAccumulation()));
          double lr = config.learningRate() * config.schedule().factor(step, warmup, totalSteps);
          Engine.getInstance().setRandomSeed((int) (config.seed() * 1_000_003L + step));
          double[] out = step(group, params, optimizer, lr);
          step++;
          stepInEpoch++;
          lastLoss = out[0];
          tokens += (long) out[2];
          losses.add(lastLoss);
          double elapsed = (System.nanoTime() - started) / 1e9;
          double done = step - resumedFrom;
          StepStats stats = new StepStats(step, totalSteps, epoch + (double) stepInEpoch / stepsPerEpoch,
              lastLoss, lr, out[1], (long) out[2], tokens / Math.max(elapsed, 1e-9), elapsed,
              elapsed / done * (totalSteps - step));
          for (TrainingListener l : listeners) {
            l.afterStep(stats, control);
          }
          boolean end = step == totalSteps;
          boolean validate = !val.isEmpty() && (step % validateEvery == 0 || end);
          if (validate) {
            ValidationStats v = new ValidationStats(step, stats.epoch(), loss(val), val.size());
            validations.add(v);
            for (TrainingListener l : listeners) {
              l.onValidation(v, control);
            }
          }
          boolean checkpoint = config.checkpointEvery() > 0 ? step % config.checkpointEvery() == 0
              : step % validateEvery == 0;
          if (checkpointDir != null && (checkpoint || end || stopReason != null)) {
            long nextEpochStep = stepInEpoch;
            int ckEpoch = epoch;
            if (stepInEpoch == stepsPerEpoch) {
              ckEpoch = epoch + 1;
              nextEpochStep = 0;
            }
            TrainerState s = new TrainerState(step, ckEpoch, nextEpochStep, lastLoss, run, version());
            lastCheckpoint = Checkpoints.save(checkpointDir, s, params, optimizer, config.keepCheckpoints());
            for (TrainingListener l : listeners) {
              l.onCheckpoint(lastCheckpoint, step);
            }
          }
          if (stopReason != null) {
            break outer;
          }
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      TrainingResult result = new TrainingResult(step, totalSteps, resumedFrom, losses, validations, lastLoss,
          trainable, data.size(), truncated, dropped, skippedSteps, tokens, seconds, stopReason, lastCheckpoint);
      for (TrainingListener l : listeners) {
        l.onEnd(result);
      }
      LOG.info("trained {} steps in {} s, final loss {}", step - resumedFrom, String.format("%.1f", seconds),
          String.format("%.4f", lastLoss));
      return result;
    }
  }

  /**
   * The mean cross-entropy per labelled token of the model on examples, without training.
   *
   * @param examples the examples
   * @return the loss
   * @throws IOException naming a video that cannot be read
   */
  public double evaluateLoss(List<CaptionExample> examples) throws IOException {
    List<EncodedExample> enc = encodeAll(newEncoder(), examples);
    if (enc.isEmpty()) {
      throw new IllegalArgumentException("no examples to evaluate");
    }
    return loss(enc);
  }

  private ExampleEncoder newEncoder() {
    LlavaNextVideoConfig c = model.config();
    long eos = eosId(c);
    return new ExampleEncoder(tokenizer, template, c.videoTokenIndex(), eos, c.videoTokensPerFrame(), config);
  }

  private long eosId(LlavaNextVideoConfig c) {
    List<Integer> eos = c.textConfig().eosTokenId();
    if (eos != null && !eos.isEmpty()) {
      return eos.get(0);
    }
    return tokenizer.tokenId("</s>").orElseThrow(() -> new IllegalArgumentException(
        "the model config has no eos_token_id and the tokenizer has no </s>"));
  }

  private List<EncodedExample> encodeAll(ExampleEncoder encoder, List<CaptionExample> examples) throws IOException {
    List<EncodedExample> out = new ArrayList<>(examples.size());
    pixels.preload(examples.stream().map(CaptionExample::video).distinct().toList(),
        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    for (int i = 0; i < examples.size(); i++) {
      CaptionExample ex = examples.get(i);
      PixelValues px = pixels.get(ex.video());
      EncodedExample e = encoder.encode(i, ex, px.frames());
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /** The epoch's micro-batches: a shuffle seeded by (seed, epoch), cut into batches. */
  private List<List<EncodedExample>> batches(List<EncodedExample> data, int epoch) {
    List<EncodedExample> order = new ArrayList<>(data);
    java.util.Collections.shuffle(order, new Random(config.seed() * 31 + epoch));
    List<List<EncodedExample>> out = new ArrayList<>();
    for (int i = 0; i < order.size(); i += config.batchSize()) {
      out.add(order.subList(i, Math.min(order.size(), i + config.batchSize())));
    }
    return out;
  }

  /** One optimizer step; returns {loss, grad norm, tokens}. */
  private double[] step(List<List<EncodedExample>> group, Map<String, Parameter> params, AdamW optimizer,
      double lr) throws IOException {
    long labelled = 0;
    for (List<EncodedExample> b : group) {
      for (EncodedExample e : b) {
        labelled += e.labelled();
      }
    }
    if (labelled == 0) {
      throw new IllegalStateException("a step without any labelled token; examples "
          + group.stream().flatMap(List::stream).map(e -> e.example().id()).toList());
    }
    double loss = 0;
    long tokens = 0;
    try (NDScope scope = new NDScope(); NDManager sub = model.manager().newSubManager()) {
      ParameterStore store = new ParameterStore(sub, false);
      for (List<EncodedExample> b : group) {
        Batch batch = collate(b, sub);
        tokens += batch.tokens;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray nll = tokenLoss(store, batch, true); // (N)
          NDArray l = nll.sum().div(Scalars.like(nll, labelled));
          gc.backward(l);
          loss += l.getFloat();
        }
      }
      // clip on the global norm
      double sumSq = 0;
      List<String> bad = new ArrayList<>();
      for (Map.Entry<String, Parameter> e : params.entrySet()) {
        NDArray g = e.getValue().getArray().getGradient();
        double sq = g.square().sum().getFloat();
        if (!Double.isFinite(sq)) {
          bad.add(e.getKey());
        }
        sumSq += sq;
      }
      double norm = Math.sqrt(sumSq);
      if (!Double.isFinite(norm) || !Double.isFinite(loss)) {
        // As a mixed-precision grad scaler does: skip the update, keep the weights; three in a row abort.
        zeroGradients(params);
        if (++consecutiveSkips >= 3) {
          throw new IllegalStateException("non-finite loss (" + loss + ") or gradient norm (" + norm
              + ") in " + consecutiveSkips + " steps in a row, the last at step " + (optimizer.step() + 1)
              + " (non-finite gradients: " + (bad.size() > 8 ? bad.subList(0, 8) + " and " + (bad.size() - 8)
              + " more" : bad) + "); lower the learning rate or check the data");
        }
        skippedSteps++;
        LOG.warn("non-finite loss ({}) or gradients ({} of {} tensors, first {}) at step {} on examples {}: update"
            + " skipped", loss, bad.size(), params.size(), bad.isEmpty() ? "-" : bad.get(0), optimizer.step() + 1,
            group.stream().flatMap(List::stream).map(e -> e.example().id()).toList());
        return new double[] {loss, norm, tokens};
      }
      consecutiveSkips = 0;
      double scale = config.maxGradNorm() > 0 && norm > config.maxGradNorm()
          ? config.maxGradNorm() / (norm + 1e-6) : 1.0;
      optimizer.update(lr, scale);
      // gradients accumulate across backward passes: clear them for the next step
      zeroGradients(params);
      return new double[] {loss, norm, tokens};
    }
  }

  /** Sets every gradient to exactly 0 (also NaN and infinite entries, which a multiply would keep). */
  private static void zeroGradients(Map<String, Parameter> params) {
    for (Parameter p : params.values()) {
      p.getArray().getGradient().set(new NDIndex("..."), 0f);
    }
  }

  /** Per-token negative log-likelihood (N) of the labelled positions, causal shift applied. */
  private NDArray tokenLoss(ParameterStore store, Batch batch, boolean training) {
    NDArray logits = model.block()
        .forward(store, new NDList(batch.ids, batch.mask, batch.pixels), training)
        .singletonOrThrow(); // (B, S, V)
    long v = logits.getShape().get(2);
    NDArray picked = logits.reshape(-1, v).get(new NDIndex("{}", batch.rows)); // (N, V)
    NDArray logp = picked.logSoftmax(1);
    return logp.gather(batch.targets.reshape(-1, 1), 1).reshape(-1).neg(); // (N)
  }

  private double loss(List<EncodedExample> data) throws IOException {
    double sum = 0;
    long count = 0;
    for (int i = 0; i < data.size(); i += config.batchSize()) {
      List<EncodedExample> b = data.subList(i, Math.min(data.size(), i + config.batchSize()));
      try (NDScope scope = new NDScope(); NDManager sub = model.manager().newSubManager()) {
        Batch batch = collate(b, sub);
        NDArray nll = tokenLoss(new ParameterStore(sub, false), batch, false);
        sum += nll.sum().getFloat();
        count += nll.size();
      }
    }
    return sum / Math.max(1, count);
  }

  /** Right-padded arrays of a micro-batch. */
  private record Batch(NDArray ids, NDArray mask, NDArray pixels, NDArray rows, NDArray targets, long tokens) {}

  private Batch collate(List<EncodedExample> b, NDManager m) throws IOException {
    int n = b.size();
    int s = 0;
    int frames = b.get(0).frames();
    for (EncodedExample e : b) {
      s = Math.max(s, e.ids().length);
      if (e.frames() != frames) {
        throw new IllegalArgumentException("a batch mixes videos of " + frames + " frames ("
            + b.get(0).example().id() + ") and " + e.frames() + " frames (" + e.example().id()
            + "); use examples with equal frame counts or batch size 1");
      }
    }
    long pad = model.config().textConfig().padTokenId() == null ? 0 : model.config().textConfig().padTokenId();
    long[] ids = new long[n * s];
    long[] mask = new long[n * s];
    List<Long> rows = new ArrayList<>();
    List<Long> targets = new ArrayList<>();
    long tokens = 0;
    PixelValues first = pixels.get(b.get(0).example().video());
    int per = first.data().length;
    float[] px = new float[n * per];
    for (int r = 0; r < n; r++) {
      EncodedExample e = b.get(r);
      long[] x = e.ids();
      java.util.Arrays.fill(ids, r * s, (r + 1) * s, pad);
      System.arraycopy(x, 0, ids, r * s, x.length);
      java.util.Arrays.fill(mask, r * s, r * s + x.length, 1L);
      tokens += x.length;
      for (int t = 0; t + 1 < x.length; t++) {
        long label = e.labels()[t + 1];
        if (label != ExampleEncoder.IGNORE) {
          rows.add((long) r * s + t);
          targets.add(label);
        }
      }
      PixelValues p = pixels.get(e.example().video());
      if (p.data().length != per) {
        throw new IllegalArgumentException("video of " + e.example().id() + " gives " + p.data().length
            + " pixel values, the batch's first video " + per);
      }
      System.arraycopy(p.data(), 0, px, r * per, per);
    }
    NDArray idsA = m.create(ids, new Shape(n, s));
    NDArray maskA = m.create(mask, new Shape(n, s));
    NDArray pxA = m.create(px, new Shape(n, frames, 3, first.height(), first.width()));
    NDArray rowsA = m.create(rows.stream().mapToLong(Long::longValue).toArray());
    NDArray tgtA = m.create(targets.stream().mapToLong(Long::longValue).toArray());
    return new Batch(idsA, maskA, pxA, rowsA, tgtA, tokens);
  }

  /** What a checkpoint must match to be resumed: the config, the data and the trainable tensors. */
  private Map<String, String> runIdentity(List<EncodedExample> data, Map<String, Parameter> params,
      long totalSteps) {
    Map<String, String> run = new LinkedHashMap<>();
    TrainingConfig c = config;
    run.put("learning_rate", Double.toString(c.learningRate()));
    run.put("weight_decay", Double.toString(c.weightDecay()));
    run.put("betas", c.beta1() + "," + c.beta2());
    run.put("schedule", c.schedule() + " warmup " + c.warmupRatio());
    run.put("max_grad_norm", Double.toString(c.maxGradNorm()));
    run.put("batch_size", Integer.toString(c.batchSize()));
    run.put("gradient_accumulation", Integer.toString(c.gradientAccumulation()));
    run.put("epochs", Integer.toString(c.epochs()));
    run.put("labels", c.labels() + " max_length " + c.maxLength());
    run.put("seed", Long.toString(c.seed()));
    run.put("total_steps", Long.toString(totalSteps));
    long h = 1125899906842597L;
    for (EncodedExample e : data) {
      h = 31 * h + e.example().id().hashCode();
      h = 31 * h + java.util.Arrays.hashCode(e.ids());
    }
    run.put("examples", data.size() + " #" + Long.toHexString(h));
    long ph = 7;
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      ph = 31 * ph + e.getKey().hashCode();
      ph = 31 * ph + e.getValue().getArray().getShape().hashCode();
    }
    run.put("trainable", params.size() + " tensors #" + Long.toHexString(ph));
    return run;
  }

  private static void checkCompatible(Path ckpt, Map<String, String> saved, Map<String, String> now) {
    List<String> diffs = new ArrayList<>();
    for (String k : new LinkedHashSet<>(now.keySet())) {
      if (!Objects.equals(saved == null ? null : saved.get(k), now.get(k))) {
        diffs.add(k + " was " + (saved == null ? null : saved.get(k)) + ", now " + now.get(k));
      }
    }
    if (!diffs.isEmpty()) {
      throw new IllegalStateException(ckpt + " belongs to another run (" + String.join("; ", diffs)
          + "); use a new checkpoint folder or disable resuming");
    }
  }

  private static String version() {
    String v = CaptionTrainer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Builder of {@link CaptionTrainer}. */
  public static final class Builder {
    private LlavaNextVideoModel model;
    private TextTokenizer tokenizer;
    private ChatTemplate template = ChatTemplate.LLAVA_NEXT_VIDEO;
    private PixelCache pixels;
    private TrainingConfig config = TrainingConfig.builder().build();
    private Path checkpointDir;
    private boolean resume = true;
    private final List<TrainingListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the model to train (adapters injected, masks applied, frozen parts frozen) and its tokenizer.
     * The trainer neither closes nor copies them.
     *
     * @param model the model
     * @param tokenizer its tokenizer (must know the template's video token)
     * @return this builder
     */
    public Builder setModel(LlavaNextVideoModel model, TextTokenizer tokenizer) {
      this.model = Objects.requireNonNull(model, "model");
      this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
      return this;
    }

    /** Sets the chat template (default {@link ChatTemplate#LLAVA_NEXT_VIDEO}). */
    public Builder optTemplate(ChatTemplate template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Sets the decoded-frame cache, e.g. one shared by several runs on the same videos (default: a
     * 1 GiB cache with CLIP's processor at the tower's size).
     */
    public Builder optPixelCache(PixelCache cache) {
      this.pixels = Objects.requireNonNull(cache, "cache");
      return this;
    }

    /** Sets the hyper-parameters (default {@link TrainingConfig#builder()}'s). */
    public Builder optConfig(TrainingConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Sets the folder for checkpoints (default none: nothing is written). */
    public Builder optCheckpointDir(Path dir) {
      this.checkpointDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** Whether to continue from the newest checkpoint in the folder (default true). */
    public Builder optResume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Adds a listener; listeners run in the order added. */
    public Builder addListener(TrainingListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Validates and builds. */
    public CaptionTrainer build() {
      if (model == null) {
        throw new IllegalStateException("setModel(model, tokenizer) is required");
      }
      return new CaptionTrainer(this);
    }
  }
}
