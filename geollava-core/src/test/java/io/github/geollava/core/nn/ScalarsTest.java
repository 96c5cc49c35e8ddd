package io.github.geollava.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gradients must not depend on when the garbage collector runs. DJL's {@code mul(Number)} lets autograd
 * keep a scalar whose memory the collector frees; with collections forced between forward and backward
 * most gradients of the tiny model came back NaN before the model switched to {@link Scalars}.
 */
class ScalarsTest {

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  private static Map<String, float[]> gradients(boolean collectBeforeBackward) throws InterruptedException {
    try (LlavaNextVideoModel m = TinyModels.model(21); NDManager sub = m.manager().newSubManager()) {
      int video = TinyModels.videoTokenId();
      long[] ids = new long[40];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = i == 0 ? 1 : i <= 16 ? video : 4 + (i * 11) % 80;
      }
      Engine.getInstance().setRandomSeed(2);
      NDArray pixels = sub.randomNormal(new Shape(1, 1, 3, TinyModels.IMAGE_SIZE, TinyModels.IMAGE_SIZE));
      NDArray x = sub.create(ids, new Shape(1, ids.length));
      NDArray mask = sub.ones(new Shape(1, ids.length), DataType.INT64);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = m.block().forward(new ParameterStore(sub, false), new NDList(x, mask, pixels), true)
            .singletonOrThrow();
        NDArray loss = logits.logSoftmax(2).get(":, :, 9").sum().neg();
        if (collectBeforeBackward) {
          for (int i = 0; i < 3; i++) {
            byte[][] churn = new byte[64][];
            for (int j = 0; j < churn.length; j++) {
              churn[j] = new byte[1 << 16];
            }
            System.gc();
            Thread.sleep(10);
          }
        }
        gc.backward(loss);
      }
      Map<String, float[]> out = new LinkedHashMap<>();
      ModulePaths.parameters(m.block()).forEach((k, p) -> out.put(k, p.getArray().getGradient().toFloatArray()));
      return out;
    }
  }

  @Test
  void gradientsAreTheSameWithCollectionsBetweenForwardAndBackward() throws Exception {
    Map<String, float[]> quiet = gradients(false);
    Map<String, float[]> collected = gradients(true);
    for (String k : quiet.keySet()) {
      assertThat(collected.get(k)).as(k).containsExactly(quiet.get(k));
      for (float v : collected.get(k)) {
        assertThat(Float.isFinite(v)).as(k).isTrue();
      }
    }
  }

  @Test
  void likeIsAZeroDimensionalEngineTensorOfTheSameType() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.ones(new Shape(2, 3));
      NDArray s = Scalars.like(x, 0.25f);
      assertThat(s.getShape().dimension()).isZero();
      assertThat(s.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(x.mul(s).toFloatArray()).containsOnly(0.25f);
    }
  }
}
