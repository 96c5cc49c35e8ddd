package io.github.geollava.core.model.llama;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

class LlamaModelTest {

  @Test
  void maskIsCausalAndHidesPadding() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      // one row, left-padded by 1, 3 positions in all, no cache
      NDArray mask = m.create(new long[] {0, 1, 1}).reshape(1, 3);
      float[] a = LlamaModel.additiveMask(mask, 3, 0, DataType.FLOAT32).toFloatArray();
      float x = -Float.MAX_VALUE;
      assertThat(a).containsExactly(
          x, x, x,
          x, 0, x,
          x, 0, 0);
    }
  }

  @Test
  void decodeStepSeesEveryCachedRealToken() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray mask = m.create(new long[] {0, 1, 1, 1}).reshape(1, 4);
      float[] a = LlamaModel.additiveMask(mask, 1, 3, DataType.FLOAT32).toFloatArray();
      assertThat(a).containsExactly(-Float.MAX_VALUE, 0, 0, 0);
    }
  }

  @Test
  void halfPrecisionMasksStayFinite() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray mask = m.create(new long[] {0, 1}).reshape(1, 2);
      // built in float32 and cast: the masked value is float16's lowest finite number, not -inf
      float[] a = LlamaModel.additiveMask(mask, 2, 0, DataType.FLOAT16).toType(DataType.FLOAT32, false)
          .toFloatArray();
      assertThat(a).containsExactly(-65504f, -65504f, -65504f, 0f);
    }
  }
}
