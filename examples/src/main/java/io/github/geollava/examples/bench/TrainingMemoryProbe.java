package io.github.geollava.examples.bench;

import ai.djl.Device;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.text.ChatTemplate;
import io.github.geollava.core.text.TextTokenizer;
import io.github.geollava.core.train.CaptionExample;
import io.github.geollava.core.train.CaptionTrainer;
import io.github.geollava.core.train.PixelCache;
import io.github.geollava.core.train.StepStats;
import io.github.geollava.core.train.TrainingConfig;
import io.github.geollava.core.train.TrainingControl;
import io.github.geollava.core.train.TrainingListener;
import io.github.geollava.core.video.VideoFrames;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.synth.SyntheticFmow;
import io.github.geollava.examples.demo.DemoModels;
import io.github.geollava.examples.train.LoraSpec;
import io.github.geollava.examples.train.Variants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Native memory across a long run: LoRA fine-tuning of the demo model on synthetic change captions for
 * {@code steps} optimizer steps (default 1,000), printing the resident set every 100 steps. Flat memory
 * means every step's tensors are freed. Not a JMH benchmark: it measures drift, not speed.
 *
 * <pre>
 * java -cp "examples/target/geollava.jar:examples/target/lib/*" \
 *     io.github.geollava.examples.bench.TrainingMemoryProbe 1000
 * </pre>
 */
public final class TrainingMemoryProbe {

  private TrainingMemoryProbe() {}

  /**
   * Runs the probe.
   *
   * @param args the number of steps (default 1000)
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.offline", "true");
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Path dir = Files.createTempDirectory("geollava-memory-probe");
    SyntheticFmow.builder().outputDir(dir.resolve("data")).locations(40).imageSize(64).seed(3)
        .contactSheetPairs(0).build().generate();
    List<LlavaConversation> train = LlavaAnnotations.read(dir.resolve("data/annotations/scenes.json"));
    List<String> words = DemoModels.vocabulary(ChatTemplate.LLAVA_NEXT_VIDEO, train);
    Path tok = dir.resolve("tokenizer.json");
    DemoModels.writeTokenizer(words, tok);
    List<CaptionExample> examples = new ArrayList<>();
    for (LlavaConversation c : train) {
      examples.add(new CaptionExample(c.id(), VideoFrames.resolve(dir.resolve("data"), c.video()), c.prompt(),
          c.caption()));
    }
    int batch = 8;
    int perEpoch = (examples.size() + batch - 1) / batch;
    int epochs = (steps + perEpoch - 1) / perEpoch;
    try (TextTokenizer t = TextTokenizer.loadWithMediaTokens(tok, 4, 5);
        LlavaNextVideoModel m = LlavaNextVideoModel.create(
            DemoModels.config(DemoModels.SPECIAL_TOKENS.size() + words.size(), DemoModels.Size.DEFAULT), 1,
            Device.cpu())) {
      Variants.injector(LoraSpec.parse("r=64,alpha=128"), 1).inject(m.block());
      System.out.printf(Locale.ROOT, "%d examples, %d steps per epoch, %d epochs; RSS before %s%n",
          examples.size(), perEpoch, epochs, Rss.current());
      CaptionTrainer.builder().setModel(m, t)
          .optPixelCache(new PixelCache(PreprocessorConfig.clipDefaults().withSize(DemoModels.IMAGE_SIZE), 1L << 28))
          .optConfig(TrainingConfig.builder().optEpochs(epochs).optBatchSize(batch).optLearningRate(1e-3)
              .optValidationInterval(0).build())
          .addListener(new TrainingListener() {
            @Override
            public void afterStep(StepStats s, TrainingControl control) {
              if (s.step() % 100 == 0 || s.step() == 1) {
                System.out.printf(Locale.ROOT, "step %5d  loss %.3f  RSS %s  %.0f tok/s%n", s.step(), s.loss(),
                    Rss.current(), s.tokensPerSecond());
              }
              if (s.step() >= steps) {
                control.requestStop("probe done");
              }
            }
          })
          .build().fit(examples, List.of());
      System.out.println("peak RSS " + Rss.peak());
    }
  }
}
