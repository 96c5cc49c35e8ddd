package io.github.geollava.prune.mask;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.geollava.prune.MagnitudePruner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskReapplyListenerTest {

  @TempDir Path tmp;

  private NDArray x;
  private NDArray y;

  private ArrayDataset data(NDManager m) {
    m.getEngine().setRandomSeed(9);
    x = m.randomNormal(new Shape(64, 6));
    y = x.get(":, 0:3").mul(2f).add(x.get(":, 3:6").sin());
    return new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(16, false).build();
  }

  private float mse(Model model) {
    NDArray pred = model.getBlock()
        .forward(new ParameterStore(model.getNDManager(), false), new NDList(x), false)
        .singletonOrThrow();
    return pred.sub(y).square().mean().getFloat();
  }

  private static Trainer trainer(Model model, MaskReapplyListener listener) {
    DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l2Loss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build());
    if (listener != null) {
      cfg.addTrainingListeners(listener);
    }
    Trainer t = model.newTrainer(cfg);
    t.initialize(new Shape(16, 6));
    return t;
  }

  /** How many pruned positions hold exactly 0. */
  private static long zerosAt(float[] w, TensorMask m) {
    long z = 0;
    for (int i = 0; i < w.length; i++) {
      if (!m.kept(i) && w[i] == 0f) {
        z++;
      }
    }
    return z;
  }

  @Test
  void maskedWeightsStayExactlyZeroThroughEasyTrainAdamStepsAndAReload() throws Exception {
    try (Model model = Model.newInstance("mlp")) {
      SequentialBlock b = MaskFixtures.mlp(model.getNDManager(), 5);
      model.setBlock(b);
      PruningMasks masks = MagnitudePruner.builder().setSparsity(0.5).allLinear().build().prune(b);
      ArrayDataset ds = data(model.getNDManager());
      float before = mse(model);
      try (MaskReapplyListener listener = new MaskReapplyListener(masks);
          Trainer trainer = trainer(model, listener)) {
        EasyTrain.fit(trainer, 10, ds, null); // 10 epochs x 4 batches = 40 Adam steps
        // EasyTrain notifies onTrainingBatch before step(): right after each step, with no epoch-end
        // re-masking in between, the pruned weights must still be exactly 0 (masked gradients).
        for (Batch batch : trainer.iterateDataset(ds)) {
          EasyTrain.trainBatch(trainer, batch);
          trainer.step();
          batch.close();
          for (TensorMask m : masks.masks().values()) {
            assertThat(zerosAt(MaskFixtures.weight(b, m.modulePath()), m)).isEqualTo(m.pruned());
          }
        }
      }
      float after = mse(model);
      assertThat(after).as("training still learns with the masks on").isLessThan(before * 0.8f);
      for (TensorMask m : masks.masks().values()) {
        assertThat(zerosAt(MaskFixtures.weight(b, m.modulePath()), m)).as(m.modulePath()).isEqualTo(m.pruned());
      }

      Path file = tmp.resolve("m.safetensors");
      masks.save(file);
      SequentialBlock fresh = MaskFixtures.mlp(model.getNDManager(), 6);
      PruningMasks.load(file).apply(fresh);
      for (TensorMask m : masks.masks().values()) {
        assertThat(zerosAt(MaskFixtures.weight(fresh, m.modulePath()), m)).isEqualTo(m.pruned());
      }
    }
  }

  @Test
  void withoutReapplyAdamRevivesPrunedWeightsAndReapplyInACustomLoopFixesIt() throws Exception {
    try (Model model = Model.newInstance("mlp")) {
      SequentialBlock b = MaskFixtures.mlp(model.getNDManager(), 7);
      model.setBlock(b);
      PruningMasks masks = MagnitudePruner.builder().setSparsity(0.5).allLinear().build().prune(b);
      ArrayDataset ds = data(model.getNDManager());
      TensorMask m0 = masks.masks().get("0");
      try (Trainer trainer = trainer(model, null)) {
        for (Batch batch : trainer.iterateDataset(ds)) {
          EasyTrain.trainBatch(trainer, batch);
          trainer.step();
          batch.close();
        }
        // The control: a plain optimizer step moves pruned weights off zero.
        assertThat(zerosAt(MaskFixtures.weight(b, "0"), m0)).isLessThan(m0.pruned());

        try (MaskReapplyListener reapply = new MaskReapplyListener(masks)) {
          for (Batch batch : trainer.iterateDataset(ds)) {
            EasyTrain.trainBatch(trainer, batch);
            trainer.step();
            reapply.reapply(b); // a custom loop's call after each step
            batch.close();
            assertThat(zerosAt(MaskFixtures.weight(b, "0"), m0)).isEqualTo(m0.pruned());
          }
        }
      }
    }
  }
}
