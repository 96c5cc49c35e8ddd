package io.github.geollava.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.text.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionTrainerTest {

  @TempDir static Path data;
  static List<CaptionExample> examples;
  static TextTokenizer tokenizer;
  static PixelCache cache;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() throws Exception {
    System.setProperty("ai.djl.offline", "true");
    examples = TrainFixtures.examples(data, 8);
    tokenizer = TinyModels.tokenizer();
    cache = new PixelCache(TinyModels.preprocessor(), 1L << 26);
  }

  @AfterAll
  static void tearDown() {
    tokenizer.close();
  }

  private static TrainingConfig.Builder config() {
    return TrainingConfig.builder().optLearningRate(3e-3).optBatchSize(4).optEpochs(4).optWarmupRatio(0.1)
        .optValidationInterval(0.5).optSeed(11);
  }

  private static CaptionTrainer trainer(LlavaNextVideoModel m, TrainingConfig c, Path ckpt,
      TrainingListener... listeners) {
    CaptionTrainer.Builder b = CaptionTrainer.builder().setModel(m, tokenizer).optConfig(c).optPixelCache(cache);
    if (ckpt != null) {
      b.optCheckpointDir(ckpt);
    }
    for (TrainingListener l : listeners) {
      b.addListener(l);
    }
    return b.build();
  }

  private static Map<String, float[]> snapshot(LlavaNextVideoModel m) {
    Map<String, float[]> out = new LinkedHashMap<>();
    ModulePaths.parameters(m.block()).forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
    return out;
  }

  @Test
  void lossFallsAndFrozenParametersStayBitIdentical() throws Exception {
    try (LlavaNextVideoModel m = TinyModels.model(3)) {
      m.root().visionTower().freezeParameters(true);
      Map<String, float[]> before = snapshot(m);
      CaptionTrainer t = trainer(m, config().optEpochs(25).optLearningRate(1e-2).build(), null);
      double initial = t.evaluateLoss(examples);
      TrainingResult r = t.fit(examples, examples.subList(0, 4));
      double after = t.evaluateLoss(examples);
      assertThat(r.steps()).isEqualTo(50);
      assertThat(r.completed()).isTrue();
      assertThat(after).isLessThan(initial * 0.5);
      assertThat(r.validations()).isNotEmpty();
      assertThat(r.lastValidationLoss()).isLessThan(initial);
      Map<String, float[]> now = snapshot(m);
      int changed = 0;
      for (String k : before.keySet()) {
        if (k.startsWith("vision_tower.")) {
          assertThat(now.get(k)).as(k).containsExactly(before.get(k));
        } else if (!java.util.Arrays.equals(now.get(k), before.get(k))) {
          changed++;
        }
      }
      assertThat(changed).isGreaterThan(10);
      assertThat(CaptionTrainer.trainableParameters(m).keySet()).noneMatch(k -> k.startsWith("vision_tower."));
    }
  }

  @Test
  void gradientAccumulationEqualsTheLargerBatch() throws Exception {
    List<Double> a;
    List<Double> b;
    Map<String, float[]> wa;
    Map<String, float[]> wb;
    try (LlavaNextVideoModel m = TinyModels.model(5)) {
      a = trainer(m, config().optEpochs(2).build(), null).fit(examples, List.of()).stepLosses();
      wa = snapshot(m);
    }
    try (LlavaNextVideoModel m = TinyModels.model(5)) {
      b = trainer(m, config().optEpochs(2).optBatchSize(2).optGradientAccumulation(2).build(), null)
          .fit(examples, List.of()).stepLosses();
      wb = snapshot(m);
    }
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i)).isCloseTo(a.get(i), within(1e-5));
    }
    for (String k : wa.keySet()) {
      float[] x = wa.get(k);
      float[] y = wb.get(k);
      for (int i = 0; i < x.length; i++) {
        assertThat(y[i]).as(k).isCloseTo(x[i], within(2e-5f));
      }
    }
  }

  @Test
  void aResumedRunEndsExactlyWhereAnUninterruptedOneDoes() throws Exception {
    TrainingConfig c = config().optCheckpointEvery(1).build();
    TrainingResult full;
    Map<String, float[]> wFull;
    try (LlavaNextVideoModel m = TinyModels.model(7)) {
      full = trainer(m, c, tmp.resolve("a")).fit(examples, List.of());
      wFull = snapshot(m);
    }
    Path dir = tmp.resolve("b");
    try (LlavaNextVideoModel m = TinyModels.model(7)) {
      TrainingListener stopAt3 = new TrainingListener() {
        @Override
        public void afterStep(StepStats s, TrainingControl control) {
          if (s.step() == 3) {
            control.requestStop("simulated crash");
          }
        }
      };
      TrainingResult part = trainer(m, c, dir, stopAt3).fit(examples, List.of());
      assertThat(part.steps()).isEqualTo(3);
      assertThat(part.completed()).isFalse();
      assertThat(part.stopReason()).isEqualTo("simulated crash");
    }
    // a new process: fresh base weights, state from the checkpoint folder
    try (LlavaNextVideoModel m = TinyModels.model(7)) {
      TrainingResult rest = trainer(m, c, dir).fit(examples, List.of());
      assertThat(rest.resumedFromStep()).isEqualTo(3);
      assertThat(rest.steps()).isEqualTo(full.steps());
      assertThat(rest.stepLosses()).hasSize((int) (full.steps() - 3));
      assertThat(rest.finalLoss()).isCloseTo(full.finalLoss(), within(1e-6));
      Map<String, float[]> w = snapshot(m);
      for (String k : wFull.keySet()) {
        assertThat(w.get(k)).as(k).containsExactly(wFull.get(k));
      }
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .hasSize(2).allMatch(n -> n.startsWith("checkpoint-"));
    }
  }

  @Test
  void aCheckpointOfAnotherRunIsRefusedNamingTheDifference() throws Exception {
    Path dir = tmp.resolve("c");
    try (LlavaNextVideoModel m = TinyModels.model(7)) {
      trainer(m, config().optEpochs(1).build(), dir).fit(examples, List.of());
    }
    try (LlavaNextVideoModel m = TinyModels.model(7)) {
      assertThatThrownBy(() -> trainer(m, config().optEpochs(1).optLearningRate(1e-3).build(), dir)
          .fit(examples, List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("learning_rate was 0.003, now 0.001");
    }
  }

  @Test
  void earlyStoppingEndsTheRunAndSaysWhy() throws Exception {
    try (LlavaNextVideoModel m = TinyModels.model(9)) {
      // a learning rate far too small: no improvement beyond minDelta
      TrainingResult r = trainer(m, config().optLearningRate(1e-9).optEpochs(10).optValidationInterval(0.5)
          .build(), null, new EarlyStopping(2, 0.01)).fit(examples, examples.subList(0, 2));
      assertThat(r.completed()).isFalse();
      assertThat(r.stopReason()).contains("has not improved");
      assertThat(r.steps()).isLessThan(20);
    }
  }

  @Test
  void nonFiniteStepsAreSkippedThenAbortNamingTheTensors() throws Exception {
    try (LlavaNextVideoModel m = TinyModels.model(4)) {
      Parameter q = ModulePaths.parameters(m.block()).get("language_model.model.layers.0.self_attn.q_proj.weight");
      float[] before = q.getArray().toFloatArray();
      NDArray head = ModulePaths.parameters(m.block()).get("language_model.lm_head.weight").getArray();
      head.set(new ai.djl.ndarray.index.NDIndex("0, 0"), Float.NaN); // every loss becomes NaN
      assertThatThrownBy(() -> trainer(m, config().optEpochs(3).build(), null).fit(examples, List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in 3 steps in a row")
          .hasMessageContaining("non-finite gradients: [vision_tower.");
      assertThat(q.getArray().toFloatArray()).containsExactly(before); // no update was applied
      assertThat(q.getArray().getGradient().toFloatArray()).containsOnly(0f); // NaN gradients cleared
    }
  }

  @Test
  void nothingTrainableIsRefused() throws Exception {
    try (LlavaNextVideoModel m = TinyModels.model(9)) {
      m.block().freezeParameters(true);
      assertThatThrownBy(() -> trainer(m, config().build(), null).fit(examples, List.of()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing to train");
    }
  }

  @Test
  void listenersSeeEveryStepInOrderAfterTheUpdate() throws Exception {
    List<Long> steps = new ArrayList<>();
    List<Float> headAfter = new ArrayList<>();
    try (LlavaNextVideoModel m = TinyModels.model(2)) {
      Parameter head = ModulePaths.parameters(m.block()).get("language_model.lm_head.weight");
      float before = head.getArray().getFloat(0, 0);
      trainer(m, config().optEpochs(1).build(), null, new TrainingListener() {
        @Override
        public void afterStep(StepStats s, TrainingControl control) {
          steps.add(s.step());
          NDArray w = head.getArray();
          headAfter.add(w.getFloat(0, 0));
          assertThat(s.tokens()).isPositive();
          assertThat(s.gradNorm()).isPositive();
        }
      }).fit(examples, List.of());
      assertThat(steps).containsExactly(1L, 2L);
      assertThat(headAfter.get(0)).isNotEqualTo(before);
    }
  }
}
