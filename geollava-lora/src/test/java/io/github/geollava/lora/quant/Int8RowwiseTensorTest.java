package io.github.geollava.lora.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class Int8RowwiseTensorTest {

  @Test
  void rowwiseAbsmaxRoundHalfEvenAndScb() {
    // row 0: absmax 127 -> scale 1: 0.5 rounds to 0, 1.5 to 2, -2.5 to -2 (half to even, torch.round)
    float[] w = {127f, 0.5f, 1.5f, -2.5f, 0f, 0f, 0f, 0f};
    Int8RowwiseTensor t = Int8RowwiseTensor.quantize(w, 2, 4);
    assertThat(t.scb()).containsExactly(127f, 0f);
    assertThat(t.data()).containsExactly(127, 0, 2, -2, 0, 0, 0, 0);
    float[] d = t.dequantize();
    assertThat(d[0]).isCloseTo(127f, org.assertj.core.api.Assertions.within(1e-4f));
    assertThat(d[4]).isZero();
    assertThat(t.bitsPerParameter()).isEqualTo(8.0 + 32.0 * 2 / 8);
  }

  @Test
  void bitsPerParameterOnARealSizeAndEngineEqualsJava() {
    float[] w = new float[256 * 512];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) Math.sin(i * 0.37);
    }
    Int8RowwiseTensor t = Int8RowwiseTensor.quantize(w, 256, 512);
    assertThat(t.bitsPerParameter()).isLessThanOrEqualTo(8.25);
    try (NDManager m = NDManager.newBaseManager();
        DeviceQuantizedWeight dw = new DeviceQuantizedWeight(t, m)) {
      assertThat(dw.dequantizeOnEngine(m).toFloatArray()).containsExactly(t.dequantize());
      assertThat(dw.dequantize(m).toFloatArray()).containsExactly(t.dequantize());
    }
  }

  @Test
  void validatesLengths() {
    assertThatThrownBy(() -> Int8RowwiseTensor.of(2, 2, new byte[4], new float[3]))
        .hasMessageContaining("SCB");
    assertThatThrownBy(() -> Int8RowwiseTensor.quantize(new float[5], 2, 2))
        .hasMessageContaining("values");
  }
}
