package io.github.geollava.lora.layer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.ndarray.NDList;

/** A small seeded MLP of DJL Linears in a SequentialBlock: paths "0" and "2" (and "4"). */
public final class Mlp {
  private Mlp() {}

  /** in -> hidden -> hidden -> out, ReLU between; initialised with engine seed {@code seed}. */
  public static SequentialBlock create(NDManager m, int in, int hidden, int out, int seed) {
    Engine.getInstance().setRandomSeed(seed);
    SequentialBlock b = new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(out).build());
    b.initialize(m, DataType.FLOAT32, new Shape(1, in));
    return b;
  }

  /** Seeded uniform inputs. */
  public static NDArray input(NDManager m, int n, int in, int seed) {
    Engine.getInstance().setRandomSeed(seed);
    return m.randomUniform(-1, 1, new Shape(n, in));
  }

  /** Inference forward. */
  public static NDArray forward(Block b, NDManager m, NDArray x) {
    return b.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
  }
}
