package io.github.geollava.prune.wanda;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.geollava.prune.mask.LinearWeights;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A toy regression where magnitude pruning is known to struggle: 16 inputs that are noisy mixtures of
 * 4 latent factors, each input on its own scale (10^-1 to 10^1), so the weights that read the
 * large-scale inputs are small yet important. Target: 3 outputs, a linear map of the factors plus a
 * smooth non-linearity. Model: Linear(16 -> 64), ReLU, Linear(64 -> 3), trained with Adam.
 */
final class ToyTask implements AutoCloseable {

  static final int IN = 16;
  static final int LATENT = 4;
  static final int OUT = 3;

  final Model model;
  final NDArray trainX;
  final NDArray testX;
  final NDArray testY;
  private final NDArray trainY;

  ToyTask(long seed, int epochs) {
    Random rnd = new Random(seed);
    float[][] a = new float[IN][LATENT];
    float[] scale = new float[IN];
    for (int j = 0; j < IN; j++) {
      for (int k = 0; k < LATENT; k++) {
        a[j][k] = (float) rnd.nextGaussian();
      }
      scale[j] = (float) Math.pow(10, -1.0 + 2.0 * j / (IN - 1));
    }
    float[][] b = new float[OUT][LATENT];
    for (float[] row : b) {
      for (int k = 0; k < LATENT; k++) {
        row[k] = (float) rnd.nextGaussian();
      }
    }
    model = Model.newInstance("toy");
    NDManager m = model.getNDManager();
    trainX = m.create(new float[2048 * IN], new Shape(2048, IN));
    trainY = m.create(new float[2048 * OUT], new Shape(2048, OUT));
    fill(rnd, a, scale, b, trainX, trainY);
    testX = m.create(new float[1024 * IN], new Shape(1024, IN));
    testY = m.create(new float[1024 * OUT], new Shape(1024, OUT));
    fill(rnd, a, scale, b, testX, testY);

    Engine.getInstance().setRandomSeed((int) seed);
    SequentialBlock net = new SequentialBlock()
        .add(Linear.builder().setUnits(64).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(OUT).build());
    model.setBlock(net);
    ArrayDataset ds = new ArrayDataset.Builder().setData(trainX).optLabels(trainY).setSampling(64, false).build();
    DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l2Loss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.003f)).build());
    try (Trainer t = model.newTrainer(cfg)) {
      t.initialize(new Shape(64, IN));
      EasyTrain.fit(t, epochs, ds, null);
    } catch (java.io.IOException | ai.djl.translate.TranslateException e) {
      throw new IllegalStateException("toy training failed", e);
    }
  }

  private static void fill(Random rnd, float[][] a, float[] scale, float[][] b, NDArray x, NDArray y) {
    int n = (int) x.getShape().get(0);
    float[] xs = new float[n * IN];
    float[] ys = new float[n * OUT];
    for (int i = 0; i < n; i++) {
      double[] z = new double[LATENT];
      for (int k = 0; k < LATENT; k++) {
        z[k] = rnd.nextGaussian();
      }
      for (int j = 0; j < IN; j++) {
        double v = 0.1 * rnd.nextGaussian();
        for (int k = 0; k < LATENT; k++) {
          v += a[j][k] * z[k];
        }
        xs[i * IN + j] = (float) (v * scale[j]);
      }
      for (int o = 0; o < OUT; o++) {
        double v = 0;
        for (int k = 0; k < LATENT; k++) {
          v += b[o][k] * z[k];
        }
        ys[i * OUT + o] = (float) (v + 0.5 * Math.sin(v));
      }
    }
    x.set(xs);
    y.set(ys);
  }

  Block block() {
    return model.getBlock();
  }

  /** Mean squared error on the held-out set. */
  float testMse() {
    NDArray pred = block().forward(new ParameterStore(model.getNDManager(), false), new NDList(testX), false)
        .singletonOrThrow();
    return pred.sub(testY).square().mean().getFloat();
  }

  /** The MSE of always predicting the test mean: the loss of a model that learned nothing. */
  float meanBaselineMse() {
    return testY.sub(testY.mean(new int[] {0})).square().mean().getFloat();
  }

  /** Runs the training inputs through the model (calibration). */
  void forwardTrain() {
    block().forward(new ParameterStore(model.getNDManager(), false), new NDList(trainX), false);
  }

  /** A copy of every Linear weight, to restore the dense model between experiments. */
  Map<String, float[]> snapshot() {
    Map<String, float[]> s = new LinkedHashMap<>();
    LinearWeights.all(block()).forEach((k, p) -> s.put(k, p.getArray().toFloatArray()));
    return s;
  }

  void restore(Map<String, float[]> s) {
    for (Map.Entry<String, Parameter> e : LinearWeights.all(block()).entrySet()) {
      e.getValue().getArray().set(s.get(e.getKey()));
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
