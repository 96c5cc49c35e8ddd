package io.github.geollava.lora.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.lora.config.BiasMode;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.config.ModuleSelector;
import io.github.geollava.lora.layer.LoraLinear;
import io.github.geollava.lora.layer.Mlp;
import io.github.geollava.lora.layer.QuantizedLinear;
import io.github.geollava.lora.quant.QuantFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoraInjectorTest {

  private NDManager m;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  private static LoraConfig config(int r, String... targets) {
    return LoraConfig.builder().setR(r).optLoraAlpha(2 * r).setTargetModules(targets).build();
  }

  @Test
  void wrapsMatchedLinearsAndReportsCounts() {
    SequentialBlock mlp = Mlp.create(m, 8, 16, 4, 1);
    InjectionReport rep = LoraInjector.builder().setConfig(config(2, "0", "4")).build().inject(mlp);
    assertThat(rep.wrapped()).containsExactly("0", "4");
    assertThat(ModulePaths.get(mlp, "0")).isInstanceOf(LoraLinear.class);
    assertThat(ModulePaths.get(mlp, "2")).isNotInstanceOf(LoraLinear.class);
    long expected = 2L * (8 + 16) + 2L * (16 + 4);
    assertThat(rep.trainableParameters()).isEqualTo(expected);
    long base = 8 * 16 + 16 + 16 * 16 + 16 + 16 * 4 + 4;
    assertThat(rep.totalParameters()).isEqualTo(base + expected);
    assertThat(rep.summary()).contains("trainable params");
  }

  @Test
  void regexTargetsRankPatternAndNoMatchError() {
    SequentialBlock mlp = new SequentialBlock().add(Mlp.create(m, 8, 16, 4, 1));
    LoraConfig c = LoraConfig.builder().setR(2).setTargetModules(ModuleSelector.regex("0\\.[02]"))
        .optRankPattern("2", 3).build();
    InjectionReport rep = LoraInjector.builder().setConfig(c).build().inject(mlp);
    assertThat(rep.ranks()).containsEntry("0.0", 2).containsEntry("0.2", 3).doesNotContainKey("0.4");
    assertThatThrownBy(() -> LoraInjector.builder().setConfig(config(2, "q_proj")).build()
        .inject(Mlp.create(m, 8, 16, 4, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matched no module");
  }

  @Test
  void excludedPrefixStaysDense() {
    SequentialBlock outer = new SequentialBlock().add(Mlp.create(m, 8, 16, 4, 1));
    InjectionReport rep = LoraInjector.builder().setConfig(config(2, "2", "4"))
        .optExcludePrefix("0.2").build().inject(outer);
    assertThat(rep.wrapped()).containsExactly("0.4");
  }

  @Test
  void freezingInvariantsUnderAdam() {
    SequentialBlock mlp = Mlp.create(m, 8, 16, 4, 1);
    LoraConfig c = LoraConfig.builder().setR(4).optLoraAlpha(8).setTargetModules("0", "2", "4")
        .optInitLoraWeights(io.github.geollava.lora.config.InitLoraWeights.RANDOM).build();
    LoraInjector.builder().setConfig(c).build().inject(mlp);
    Map<String, Parameter> all = ModulePaths.parameters(mlp);
    Map<String, Parameter> trainable = LoraInjector.trainableParameters(mlp);
    Map<String, Parameter> frozen = LoraInjector.frozenParameters(mlp);
    Set<String> union = new HashSet<>(trainable.keySet());
    union.addAll(frozen.keySet());
    assertThat(union).isEqualTo(all.keySet());
    assertThat(trainable.keySet()).doesNotContainAnyElementsOf(frozen.keySet());
    assertThat(trainable.keySet()).allMatch(k -> k.contains(".lora_"));

    Map<String, float[]> frozenBefore = snapshot(frozen);
    Map<String, float[]> trainableBefore = snapshot(trainable);
    NDArray x = Mlp.input(m, 32, 8, 3);
    NDArray y = Mlp.input(m, 32, 4, 4);
    try (Model model = Model.newInstance("freeze")) {
      model.setBlock(mlp);
      DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
      try (Trainer trainer = model.newTrainer(tc)) {
        for (int step = 0; step < 5; step++) {
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
            gc.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(pred)));
          }
          trainer.step();
        }
      }
    }
    snapshot(frozen).forEach((k, v) -> assertThat(v).as(k).containsExactly(frozenBefore.get(k)));
    long changed = snapshot(trainable).entrySet().stream()
        .filter(e -> !java.util.Arrays.equals(e.getValue(), trainableBefore.get(e.getKey()))).count();
    assertThat(changed).isEqualTo(trainable.size());
  }

  @Test
  void biasAllMakesBiasesTrainable() {
    SequentialBlock mlp = Mlp.create(m, 8, 16, 4, 1);
    LoraConfig c = LoraConfig.builder().setR(2).setTargetModules("0").optBias(BiasMode.ALL).build();
    LoraInjector.builder().setConfig(c).build().inject(mlp);
    assertThat(LoraInjector.trainableParameters(mlp).keySet())
        .contains("0.base_layer.bias", "2.bias", "4.bias").doesNotContain("2.weight");
  }

  @Test
  void mergeAndUnloadRestoresPlainLinears() {
    SequentialBlock mlp = Mlp.create(m, 8, 16, 4, 1);
    LoraConfig c = LoraConfig.builder().setR(2).setTargetModules("0", "2")
        .optInitLoraWeights(io.github.geollava.lora.config.InitLoraWeights.RANDOM).build();
    LoraInjector.builder().setConfig(c).build().inject(mlp);
    NDArray x = Mlp.input(m, 6, 8, 5);
    float[] lora = Mlp.forward(mlp, m, x).toFloatArray();
    List<String> unloaded = LoraInjector.mergeAndUnload(mlp);
    assertThat(unloaded).containsExactly("0", "2");
    assertThat(ModulePaths.get(mlp, "0")).isInstanceOf(ai.djl.nn.core.Linear.class);
    float[] merged = Mlp.forward(mlp, m, x).toFloatArray();
    for (int i = 0; i < lora.length; i++) {
      assertThat(Math.abs(merged[i] - lora[i])).isLessThan(1e-5f);
    }
  }

  @Test
  void qloraFineTuneLowersTheLossLikeDenseLora() {
    double[] dense = fineTune(null);
    double[] nf4 = fineTune(QuantFormat.NF4);
    double[] int8 = fineTune(QuantFormat.INT8);
    // each run at least halves its loss, and QLoRA ends within 2x of dense LoRA
    assertThat(dense[1]).isLessThan(0.5 * dense[0]);
    assertThat(nf4[1]).isLessThan(0.5 * nf4[0]).isLessThan(2 * dense[1] + 1e-3);
    assertThat(int8[1]).isLessThan(0.5 * int8[0]).isLessThan(2 * dense[1] + 1e-3);
  }

  /** Fits a student (seed 1) to a teacher (seed 1 plus a perturbation); returns {first, last} loss. */
  private double[] fineTune(QuantFormat format) {
    try (NDManager local = m.newSubManager()) {
      SequentialBlock teacher = Mlp.create(local, 8, 32, 1, 1);
      Parameter w = ModulePaths.parameters(teacher).get("2.weight");
      w.getArray().addi(local.randomNormal(0, 0.3f, w.getArray().getShape(), w.getArray().getDataType()));
      NDArray x = Mlp.input(local, 256, 8, 7);
      NDArray y = Mlp.forward(teacher, local, x);
      SequentialBlock student = Mlp.create(local, 8, 32, 1, 1);
      if (format != null) {
        LoraInjector.quantizeBase(student, format, 64, true, p -> true);
        assertThat(ModulePaths.get(student, "2")).isInstanceOf(QuantizedLinear.class);
      }
      LoraConfig c = LoraConfig.builder().setR(4).optLoraAlpha(8).setTargetModules("0", "2", "4").build();
      LoraInjector.builder().setConfig(c).optSeed(11).optManager(local).build().inject(student);
      double first = Double.NaN;
      double last = Double.NaN;
      try (Model model = Model.newInstance("qlora")) {
        model.setBlock(student);
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
        try (Trainer trainer = model.newTrainer(tc)) {
          for (int step = 0; step < 150; step++) {
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
              NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(pred));
              gc.backward(loss);
              if (step == 0) {
                first = loss.getFloat();
              }
              last = loss.getFloat();
            }
            trainer.step();
          }
        }
      }
      return new double[] {first, last};
    }
  }

  private static Map<String, float[]> snapshot(Map<String, Parameter> ps) {
    Map<String, float[]> out = new HashMap<>();
    ps.forEach((k, p) -> out.put(k, p.getArray().toFloatArray()));
    return out;
  }
}
