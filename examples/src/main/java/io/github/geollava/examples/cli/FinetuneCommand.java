package io.github.geollava.examples.cli;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.geollava.core.config.HfConfigs;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.text.TextTokenizer;
import io.github.geollava.core.train.CaptionExample;
import io.github.geollava.core.train.CaptionTrainer;
import io.github.geollava.core.train.LabelMode;
import io.github.geollava.core.train.LrSchedule;
import io.github.geollava.core.train.PixelCache;
import io.github.geollava.core.train.TrainingConfig;
import io.github.geollava.core.train.TrainingResult;
import io.github.geollava.core.video.VideoFrames;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.examples.train.LoraSpec;
import io.github.geollava.examples.train.TrainingData;
import io.github.geollava.examples.train.TrainingProgressBar;
import io.github.geollava.examples.train.Variant;
import io.github.geollava.examples.train.Variants;
import io.github.geollava.lora.peft.PeftAdapters;
import io.github.geollava.lora.quant.QuantFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava finetune}: trains a LoRA adapter (optionally on a 4/8-bit base, optionally after
 * magnitude pruning) or the whole model on LLaVA conversations over videos, resumably.
 *
 * <p>Writes into {@code --out}: {@code adapter/} (a PEFT folder), {@code masks.safetensors} when
 * pruning, {@code model/} for a full fine-tune, {@code checkpoints/} (resumed from automatically) and
 * {@code training.json} (losses, validations, time, parameters).
 */
@Command(
    name = "finetune",
    mixinStandardHelpOptions = true,
    description = "Fine-tune a model folder on LLaVA conversations: LoRA, QLoRA, pruning, or full.")
public final class FinetuneCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Base model folder.")
  Path model;

  @Option(names = "--train", required = true, paramLabel = "F.json",
      description = "Training conversations (LLaVA JSON or JSONL).")
  Path train;

  @Option(names = "--val", paramLabel = "F.json", description = "Validation conversations.")
  Path val;

  @Option(names = "--videos", required = true, paramLabel = "DIR",
      description = "Folder the conversations' \"video\" fields are relative to.")
  Path videos;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--lora", defaultValue = "r=64,alpha=128", paramLabel = "SPEC",
      description = "LoRA setting: r=64,alpha=128[,dropout=0.05][,targets=q_proj+v_proj] "
          + "(default: ${DEFAULT-VALUE}).")
  String lora;

  @Option(names = "--full", description = "Train every parameter instead of a LoRA adapter.")
  boolean full;

  @Option(names = "--quant", defaultValue = "none", paramLabel = "nf4|fp4|int8|none",
      description = "Format of the frozen base (QLoRA); default: ${DEFAULT-VALUE}.")
  String quant;

  @Option(names = "--prune", defaultValue = "0", paramLabel = "S",
      description = "Magnitude-prune this share of the decoder's linear weights first (e.g. 0.05).")
  double prune;

  @Option(names = "--epochs", defaultValue = "1", paramLabel = "N", description = "Epochs (default: 1).")
  int epochs;

  @Option(names = "--batch-size", defaultValue = "2", paramLabel = "N",
      description = "Examples per forward pass (default: 2).")
  int batchSize;

  @Option(names = "--grad-accum", defaultValue = "1", paramLabel = "N",
      description = "Forward passes per optimizer step (default: 1).")
  int gradAccum;

  @Option(names = "--lr", defaultValue = "1e-4", paramLabel = "LR", description = "Peak learning rate (default: 1e-4).")
  double lr;

  @Option(names = "--schedule", defaultValue = "linear", paramLabel = "linear|cosine|constant",
      description = "Decay after warmup (default: linear).")
  String schedule;

  @Option(names = "--warmup", defaultValue = "0.03", paramLabel = "R",
      description = "Warmup share of all steps (default: 0.03).")
  double warmup;

  @Option(names = "--weight-decay", defaultValue = "0.01", paramLabel = "W",
      description = "AdamW weight decay (default: 0.01).")
  double weightDecay;

  @Option(names = "--max-length", defaultValue = "2048", paramLabel = "N",
      description = "Most tokens per example; longer ones are truncated with a warning (default: 2048).")
  int maxLength;

  @Option(names = "--labels", defaultValue = "answer", paramLabel = "answer|all",
      description = "Loss on the answer only, or on the whole sequence as the original notebooks.")
  String labels;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed (default: 42).")
  long seed;

  @Option(names = "--no-resume", description = "Start over even if checkpoints exist.")
  boolean noResume;

  @Override
  public Integer call() throws IOException {
    TrainingConfig config = TrainingConfig.builder()
        .optEpochs(epochs).optBatchSize(batchSize).optGradientAccumulation(gradAccum)
        .optLearningRate(lr).optSchedule(parseSchedule(schedule)).optWarmupRatio(warmup)
        .optWeightDecay(weightDecay).optMaxLength(maxLength).optSeed(seed)
        .optLabels(switch (labels.toLowerCase(Locale.ROOT)) {
          case "answer" -> LabelMode.ANSWER_ONLY;
          case "all" -> LabelMode.WHOLE_SEQUENCE;
          default -> throw new IllegalArgumentException("--labels must be answer or all, found " + labels);
        })
        .build();
    Variant variant = new Variant("finetune", full ? null : LoraSpec.parse(lora), parseQuant(quant), prune);
    List<CaptionExample> trainSet = examples(train, videos);
    List<CaptionExample> valSet = val == null ? List.of() : examples(val, videos);
    LlavaNextVideoConfig cfg = HfConfigs.readLlavaNextVideo(model.resolve(HfConfigs.CONFIG_FILE));
    boolean hasProcessor = Files.isRegularFile(model.resolve(PreprocessorConfig.VIDEO_FILE))
        || Files.isRegularFile(model.resolve(PreprocessorConfig.IMAGE_FILE));
    PreprocessorConfig pre = hasProcessor ? PreprocessorConfig.fromModelDir(model)
        : PreprocessorConfig.clipDefaults().withSize(cfg.visionConfig().imageSize());
    PrintWriter err = spec.commandLine().getErr();
    try (TextTokenizer tokenizer = TextTokenizer.loadWithMediaTokens(model, cfg.videoTokenIndex(),
            cfg.imageTokenIndex());
        LlavaNextVideoModel m = LlavaNextVideoModel.load(model, Device.cpu());
        TrainingProgressBar bar = new TrainingProgressBar(err, "finetune")) {
      Variants.Prepared prepared = Variants.prepare(m, variant, seed);
      if (prepared.injection() != null) {
        err.println(prepared.injection().summary());
      }
      TrainingResult r = CaptionTrainer.builder()
          .setModel(m, tokenizer)
          .optPixelCache(new PixelCache(pre, 1L << 30))
          .optConfig(config)
          .optCheckpointDir(out.resolve("checkpoints"))
          .optResume(!noResume)
          .addListener(bar)
          .addListener(Variants.maskListener(prepared, variant, m))
          .build()
          .fit(trainSet, valSet);
      Files.createDirectories(out);
      if (variant.lora() != null) {
        PeftAdapters.save(m.block(), Variants.ADAPTER, variant.lora(), out.resolve("adapter"));
      } else {
        Path dir = out.resolve("model");
        m.save(dir);
        Files.copy(model.resolve("tokenizer.json"), dir.resolve("tokenizer.json"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        HfConfigs.write(new ObjectMapper().readTree(pre.toJson()), dir.resolve(PreprocessorConfig.IMAGE_FILE));
      }
      if (prepared.masks() != null) {
        prepared.masks().save(out.resolve("masks.safetensors"));
      }
      writeSummary(out.resolve("training.json"), r, variant, config);
      PrintWriter o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "trained %d steps (%d resumed) in %.1f s: final loss %.4f%s%n", r.steps(),
          r.resumedFromStep(), r.seconds(), r.finalLoss(),
          Double.isNaN(r.lastValidationLoss()) ? "" : String.format(Locale.ROOT, ", validation %.4f",
              r.lastValidationLoss()));
      o.println("wrote " + out.resolve(variant.lora() != null ? "adapter" : "model"));
      o.flush();
    } catch (MalformedModelException e) {
      throw new BadInputException(model + ": " + e.getMessage(), e);
    }
    return 0;
  }

  /** Training examples from a LLaVA annotation file, videos resolved against a folder. */
  static List<CaptionExample> examples(Path file, Path videos) throws IOException {
    List<LlavaConversation> convs = LlavaAnnotations.read(file);
    if (convs.isEmpty()) {
      throw new BadInputException(file + ": no conversations");
    }
    try {
      return TrainingData.examples(convs, videos);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
  }

  static LrSchedule parseSchedule(String s) {
    try {
      return LrSchedule.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--schedule must be linear, cosine or constant, found " + s, e);
    }
  }

  static QuantFormat parseQuant(String s) {
    if (s.equalsIgnoreCase("none")) {
      return null;
    }
    try {
      return QuantFormat.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--quant must be nf4, fp4, int8 or none, found " + s, e);
    }
  }

  private static void writeSummary(Path file, TrainingResult r, Variant v, TrainingConfig c) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("variant", v.describe());
    m.put("config", c);
    m.put("steps", r.steps());
    m.put("resumed_from_step", r.resumedFromStep());
    m.put("final_loss", r.finalLoss());
    m.put("validations", r.validations());
    m.put("step_losses", r.stepLosses());
    m.put("trainable_parameters", r.trainableParameters());
    m.put("examples", r.examples());
    m.put("truncated", r.truncated());
    m.put("dropped", r.dropped());
    m.put("tokens", r.tokens());
    m.put("seconds", r.seconds());
    m.put("stop_reason", r.stopReason());
    io.github.geollava.dataset.fmow.AtomicFiles.write(file,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m));
  }
}
