package io.github.geollava.examples.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.core.caption.ChangeCaptioner;
import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.core.video.Mp4Video;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.synth.ChangeEvent;
import io.github.geollava.metrics.protocol.Metric;
import io.github.geollava.metrics.protocol.ProgressListener;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CaptionEvaluation} in-process, with a captioner the caller owns (as the demo does). */
class CaptionEvaluationTest {

  private static final Set<Metric> FAST = Set.of(Metric.ROUGE, Metric.BLEU);

  @TempDir Path dir;

  private static BufferedImage scene(int seed) {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(60 + seed * 20 % 150, 110, 50));
    g.fillRect(0, 0, 64, 64);
    g.setColor(Color.GRAY);
    g.fillRect(seed * 7 % 40, 10, 16, 12);
    g.dispose();
    return img;
  }

  /** Three conversations with 2-frame mp4s and one with a folder of 3 frames; prompts differ. */
  private List<LlavaConversation> conversations() throws Exception {
    List<LlavaConversation> out = new ArrayList<>();
    String[] prompts = {"describe.", ChangeCaptioner.DEFAULT_PROMPT, "what changed here?"};
    for (int i = 0; i < 3; i++) {
      String id = "x_" + i + "-x_" + (i + 1);
      Mp4Video.write(dir.resolve(id + ".mp4"), List.of(scene(i), scene(i + 1)), 1);
      out.add(LlavaConversation.withPrompt(id, id + ".mp4", prompts[i],
          "Changes Between the Images: A new road has been built."));
    }
    Path frames = Files.createDirectories(dir.resolve("y_0-y_1"));
    for (int f = 0; f < 3; f++) {
      javax.imageio.ImageIO.write(scene(5 + f), "png", frames.resolve(f + ".png").toFile());
    }
    out.add(LlavaConversation.withPrompt("y_0-y_1", "y_0-y_1.mp4", "describe.", "Nothing changed."));
    return out;
  }

  @Test
  void answersEqualDescribeAndResultsCarryMetricsAndEvents() throws Exception {
    List<LlavaConversation> conv = conversations();
    AtomicLong captioned = new AtomicLong();
    List<String> stages = new ArrayList<>();
    ProgressListener progress = new ProgressListener() {
      @Override
      public void stage(String name, long total) {
        stages.add(name + "/" + total);
      }

      @Override
      public void step(long done) {
        if (stages.get(stages.size() - 1).startsWith("caption")) {
          captioned.addAndGet(done);
        }
      }
    };
    Map<String, List<ChangeEvent>> truth = Map.of("x_0-x_1", List.of(ChangeEvent.NEW_ROADS),
        "x_1-x_2", List.of(), "x_2-x_3", List.of(), "y_0-y_1", List.of());
    try (ChangeCaptioner cap = TinyModels.captioner(3, 10)) {
      CaptionEvaluation.Result r = CaptionEvaluation.builder()
          .setConversations(conv).setVideosDir(dir).optBatchSize(3).optMetrics(FAST)
          .optTrueEvents(truth).optProgress(progress).build()
          .run(cap);
      assertThat(r.generated()).isEqualTo(4);
      assertThat(r.resumed()).isZero();
      assertThat(captioned).hasValue(4);
      assertThat(stages.get(0)).isEqualTo("caption/4");
      for (int i = 0; i < conv.size(); i++) {
        LlavaConversation c = conv.get(i);
        Prediction p = r.predictions().get(i);
        assertThat(p.id()).isEqualTo(c.id());
        assertThat(p.reference()).isEqualTo(c.caption());
        List<BufferedImage> frames = io.github.geollava.core.video.VideoFrames.read(
            io.github.geollava.core.video.VideoFrames.resolve(dir, c.video()), 0);
        assertThat(p.candidate()).isEqualTo(cap.describe(frames, c.prompt()));
      }
      assertThat(r.report().samples()).hasSize(4);
      assertThat(r.report().means()).containsKeys("rouge1_fmeasure", "bleu",
          CaptionEvaluation.EVENTS_EXACT_COLUMN);
      assertThat(r.events().pairs()).isEqualTo(4);
      assertThat(r.report().means().get(CaptionEvaluation.EVENTS_EXACT_COLUMN))
          .isEqualTo(r.events().accuracy());
    }
  }

  @Test
  void aFinishedRunNeedsNoCaptionerAndAPendingOneDoes() throws Exception {
    List<LlavaConversation> conv = conversations();
    Path preds = dir.resolve("out/predictions.jsonl");
    CaptionEvaluation.Builder b = CaptionEvaluation.builder().setConversations(conv).setVideosDir(dir)
        .optMetrics(FAST).optPredictionsFile(preds);
    assertThatThrownBy(() -> b.build().run(null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("4 conversations need a caption");
    CaptionEvaluation.Result first;
    try (ChangeCaptioner cap = TinyModels.captioner(3, 6)) {
      first = b.build().run(cap);
    }
    CaptionEvaluation again = b.build();
    assertThat(again.pending()).isEmpty();
    CaptionEvaluation.Result second = again.run(null);
    assertThat(second.generated()).isZero();
    assertThat(second.resumed()).isEqualTo(4);
    assertThat(second.predictions()).isEqualTo(first.predictions());
    second.writeScores(dir.resolve("out"), Map.of("k", "v"));
    assertThat(dir.resolve("out/scores.csv")).isRegularFile();
    assertThat(Files.readString(dir.resolve("out/summary.json"))).contains("\"generation\"")
        .contains("\"k\" : \"v\"");
  }

  @Test
  void badConversationsFailAtBuild() throws Exception {
    List<LlavaConversation> conv = new ArrayList<>(conversations());
    conv.add(LlavaConversation.withPrompt("z", "z.mp4", "p", "c"));
    assertThatThrownBy(() -> CaptionEvaluation.builder().setConversations(conv).setVideosDir(dir).build())
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("z.mp4")
        .hasMessageContaining("'z'");
    conv.set(4, conv.get(0));
    assertThatThrownBy(() -> CaptionEvaluation.builder().setConversations(conv).setVideosDir(dir).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate conversation id");
    conv.set(4, LlavaConversation.withPrompt("w", "/abs/w.mp4", "p", "c"));
    assertThatThrownBy(() -> CaptionEvaluation.builder().setConversations(conv).setVideosDir(dir).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conversation 'w'")
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> CaptionEvaluation.builder().optBatchSize(0))
        .hasMessageContaining("batchSize");
  }
}
