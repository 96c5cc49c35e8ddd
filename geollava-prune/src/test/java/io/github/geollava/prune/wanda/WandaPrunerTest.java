package io.github.geollava.prune.wanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.prune.MagnitudePruner;
import io.github.geollava.prune.TargetPatterns;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class WandaPrunerTest {

  private static final Logger LOG = LoggerFactory.getLogger(WandaPrunerTest.class);

  private static ToyTask toy;
  private static Map<String, float[]> dense;
  private static Map<String, float[]> norms;

  @BeforeAll
  static void train() {
    toy = new ToyTask(42, 20); // 20 epochs x 32 batches = 640 Adam steps
    dense = toy.snapshot();
    try (CalibrationRecorder rec = CalibrationRecorder.attach(toy.block(), TargetPatterns.allLinear())) {
      toy.forwardTrain();
      norms = rec.norms();
    }
  }

  @AfterAll
  static void close() {
    toy.close();
  }

  @Test
  void wandaAtHalfSparsityLosesLessThanMagnitude() {
    toy.restore(dense);
    float denseMse = toy.testMse();

    MagnitudePruner.builder().setSparsity(0.5).allLinear().build().prune(toy.block());
    float magnitudeMse = toy.testMse();
    toy.restore(dense);

    PruningMasks wanda = WandaPruner.builder().setSparsity(0.5).setInputNorms(norms).allLinear().build()
        .prune(toy.block());
    float wandaMse = toy.testMse();
    toy.restore(dense);

    MagnitudePruner.builder().optSemiStructured(2, 4).allLinear().build().prune(toy.block());
    float magnitude24 = toy.testMse();
    toy.restore(dense);
    WandaPruner.builder().optSemiStructured(2, 4).setInputNorms(norms).allLinear().build().prune(toy.block());
    float wanda24 = toy.testMse();
    toy.restore(dense);

    // Only the first layer, the one reading inputs of very different scales.
    MagnitudePruner.builder().setSparsity(0.5).optInclude("0").build().prune(toy.block());
    float magnitudeFirst = toy.testMse();
    toy.restore(dense);
    WandaPruner.builder().setSparsity(0.5).setInputNorms(norms).optInclude("0").build().prune(toy.block());
    float wandaFirst = toy.testMse();
    toy.restore(dense);

    float baseline = toy.meanBaselineMse();
    LOG.warn("toy test MSE: predict-the-mean {} | dense {} | all layers: 50% magnitude {}, 50% wanda {}, "
        + "2:4 magnitude {}, 2:4 wanda {} | first layer only: 50% magnitude {}, 50% wanda {}",
        baseline, denseMse, magnitudeMse, wandaMse, magnitude24, wanda24, magnitudeFirst, wandaFirst);
    assertThat(denseMse).as("the toy model learned the task").isLessThan(0.05f * baseline);
    assertThat(wandaMse).isLessThan(magnitudeMse);
    assertThat(wanda24).isLessThan(magnitude24);
    assertThat(wandaFirst).isLessThan(magnitudeFirst);
    // Wanda prunes exactly half of every output row.
    TensorMask first = wanda.masks().get("0");
    for (int r = 0; r < 64; r++) {
      int pruned = 0;
      for (int c = 0; c < ToyTask.IN; c++) {
        pruned += first.kept(r * ToyTask.IN + c) ? 0 : 1;
      }
      assertThat(pruned).isEqualTo(8);
    }
    assertThat(wanda.provenance().method()).isEqualTo("wanda");
    assertThat(wanda.provenance().scope()).isEqualTo("row");
  }

  @Test
  void recorderNormsMatchTheInputsAndTheModelIsRestored() {
    float[] x = toy.trainX.toFloatArray();
    ActivationNorms manual = new ActivationNorms(ToyTask.IN).add(x);
    assertThat(norms.get("0")).containsExactly(manual.norms());
    assertThat(norms.get("2")).hasSize(64);
    assertThat(io.github.geollava.prune.mask.LinearWeights.all(toy.block())).containsOnlyKeys("0", "2");
  }

  @Test
  void rejectsMissingNorms() {
    toy.restore(dense);
    WandaPruner p = WandaPruner.builder().setSparsity(0.5).setInputNorms(Map.of("0", norms.get("0")))
        .allLinear().build();
    assertThatThrownBy(() -> p.prune(toy.block())).hasMessageContaining("'2'");
    assertThatThrownBy(() -> WandaPruner.builder().setSparsity(0.5).build()).hasMessageContaining("inputNorms");
  }
}
