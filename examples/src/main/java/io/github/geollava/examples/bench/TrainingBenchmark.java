package io.github.geollava.examples.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.text.TextTokenizer;
import io.github.geollava.core.text.WordLevelTokenizers;
import io.github.geollava.core.train.CaptionExample;
import io.github.geollava.core.train.CaptionTrainer;
import io.github.geollava.core.train.LabelMode;
import io.github.geollava.core.train.LrSchedule;
import io.github.geollava.core.train.PixelCache;
import io.github.geollava.core.train.TrainingConfig;
import io.github.geollava.core.train.TrainingResult;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.inject.InjectionReport;
import io.github.geollava.lora.inject.LoraInjector;
import io.github.geollava.lora.quant.QuantFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training steps of {@link CaptionTrainer} on the Python reference's "demo" configuration
 * ({@code notes/perf-anchors.md}): CLIP 128 x 4 layers at 64 px / patch 8, LLaMA 256 x 4 layers with
 * GQA 8/4 heads and a 32,064-token vocabulary (20.2 M parameters); batch 4 of 232-token sequences (32
 * video tokens of 2 frames), loss over every text position, AdamW lr 1e-4, no clipping. One operation
 * is one {@code fit} of 8 examples = 2 optimizer steps (tokenization and batching included).
 *
 * <p>{@code full} trains every parameter (HF: 0.738 s/step); {@code lora} is PEFT's r 16, alpha 32 on
 * q/k/v/o/gate/up/down including the CLIP attention (345,088 parameters; HF + PEFT: 0.595 s/step);
 * {@code qlora} is the same adapter over an NF4 base (no reference). The peak RSS is printed at teardown.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class TrainingBenchmark {

  @Param({"full", "lora", "qlora"})
  public String mode;

  private static final int VOCAB = 32064;
  private static final int BATCH = 4;
  private static final int EXAMPLES = 8;

  private Path dir;
  private LlavaNextVideoModel model;
  private TextTokenizer tokenizer;
  private PixelCache pixels;
  private List<CaptionExample> examples;
  private TrainingConfig config;

  /** Builds the model, the tokenizer, 8 two-frame noise videos and 193-word answers. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Engine.getInstance().setRandomSeed(0);
    dir = Files.createTempDirectory("geollava-train-bench");
    List<String> words = new ArrayList<>();
    for (int i = 6; i < VOCAB; i++) {
      words.add("w" + i);
    }
    words.set(0, "USER:");
    words.set(1, "ASSISTANT:");
    Path tok = dir.resolve("tokenizer.json");
    WordLevelTokenizers.write(List.of("<unk>", "<s>", "</s>", "<pad>", "<video>", "<image>"), words,
        WordLevelTokenizers.Style.CASED_WHITESPACE, tok);
    tokenizer = TextTokenizer.loadWithMediaTokens(tok, 4, 5);
    model = LlavaNextVideoModel.create(config(), 0, Device.cpu());
    Random r = new Random(1234);
    examples = new ArrayList<>();
    for (int e = 0; e < EXAMPLES; e++) {
      Path video = dir.resolve("v" + e);
      Files.createDirectories(video);
      for (int f = 0; f < 2; f++) {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
          for (int x = 0; x < 64; x++) {
            img.setRGB(x, y, r.nextInt(1 << 24));
          }
        }
        ImageIO.write(img, "png", video.resolve(f + ".png").toFile());
      }
      // BOS + USER: + 32 video + 3 prompt words + ASSISTANT: + 193 answer words + EOS = 232 tokens
      StringBuilder answer = new StringBuilder();
      for (int i = 0; i < 193; i++) {
        answer.append(i == 0 ? "" : " ").append("w").append(8 + r.nextInt(VOCAB - 8));
      }
      examples.add(new CaptionExample("e" + e, video, "w5 w6 w7", answer.toString()));
    }
    pixels = new PixelCache(PreprocessorConfig.clipDefaults().withSize(64), 1L << 26);
    if (!"full".equals(mode)) {
      if ("qlora".equals(mode)) {
        LoraInjector.quantizeBase(model.block(), QuantFormat.NF4, 64, true, LoraInjector.exceptLmHead());
      }
      LoraConfig lora = LoraConfig.builder().setR(16).optLoraAlpha(32)
          .setTargetModules("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj").build();
      InjectionReport rep = LoraInjector.builder().setConfig(lora).optSeed(0).build().inject(model.block());
      System.err.println("[setup] " + rep.summary());
    }
    config = TrainingConfig.builder().optBatchSize(BATCH).optEpochs(1).optLearningRate(1e-4)
        .optWarmupRatio(0).optSchedule(LrSchedule.CONSTANT).optMaxGradNorm(0).optMaxLength(256)
        .optLabels(LabelMode.WHOLE_SEQUENCE).optValidationInterval(0).build();
    System.err.println("[setup] parameters " + model.parameterCount() + ", RSS " + Rss.current());
  }

  /** Two optimizer steps of batch 4 x 232 tokens. */
  @Benchmark
  public TrainingResult twoSteps() throws IOException {
    return CaptionTrainer.builder().setModel(model, tokenizer).optConfig(config).optPixelCache(pixels).build()
        .fit(examples, List.of());
  }

  /** Frees everything and prints the peak RSS. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    System.err.println("[teardown] peak RSS " + Rss.peak());
    model.close();
    tokenizer.close();
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static LlavaNextVideoConfig config() {
    String json = "{\"model_type\":\"llava_next_video\",\"image_token_index\":5,\"video_token_index\":4,"
        + "\"projector_hidden_act\":\"gelu\",\"vision_feature_layer\":-2,"
        + "\"vision_feature_select_strategy\":\"default\",\"spatial_pool_mode\":\"average\","
        + "\"spatial_pool_stride\":2,\"image_seq_length\":64,\"video_seq_length\":32,\"tie_word_embeddings\":false,"
        + "\"vision_config\":{\"model_type\":\"clip_vision_model\",\"hidden_size\":128,\"intermediate_size\":512,"
        + "\"num_hidden_layers\":4,\"num_attention_heads\":4,\"num_channels\":3,\"image_size\":64,\"patch_size\":8,"
        + "\"hidden_act\":\"quick_gelu\",\"layer_norm_eps\":1e-5,\"projection_dim\":128},"
        + "\"text_config\":{\"model_type\":\"llama\",\"vocab_size\":" + VOCAB + ",\"hidden_size\":256,"
        + "\"intermediate_size\":688,\"num_hidden_layers\":4,\"num_attention_heads\":8,\"num_key_value_heads\":4,"
        + "\"hidden_act\":\"silu\",\"max_position_embeddings\":4096,\"rms_norm_eps\":1e-5,\"rope_theta\":10000.0,"
        + "\"bos_token_id\":1,\"eos_token_id\":2,\"pad_token_id\":3,\"tie_word_embeddings\":false}}";
    try {
      return LlavaNextVideoConfig.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
