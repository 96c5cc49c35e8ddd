package io.github.geollava.prune.mask;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** Small deterministic block trees for the mask tests. */
final class MaskFixtures {

  private MaskFixtures() {}

  /** Linear(6 -> 16), ReLU, Linear(16 -> 3): Linear paths "0" and "2". */
  static SequentialBlock mlp(NDManager manager, int seed) {
    Engine.getInstance().setRandomSeed(seed);
    SequentialBlock b = new SequentialBlock()
        .add(Linear.builder().setUnits(16).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(3).build());
    b.initialize(manager, DataType.FLOAT32, new Shape(1, 6));
    return b;
  }

  static float[] weight(SequentialBlock b, String path) {
    return LinearWeights.at(b, path).getArray().toFloatArray();
  }
}
