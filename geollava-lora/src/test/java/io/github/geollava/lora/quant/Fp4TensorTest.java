package io.github.geollava.lora.quant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Fp4TensorTest {

  @Test
  void roundsToNearestCodeWithLowIndexOnTiesAndPacksHighNibbleFirst() {
    float[] v = new float[64];
    v[0] = 1f; // absmax 1 -> code 3 (1.0)
    v[1] = -0.5f; // code 13
    v[2] = 0f; // 0.0 sits at index 0 and 8: argmin takes index 0
    v[3] = 0.3f; // nearest 0.3333 -> code 4
    Fp4Tensor t = Fp4Tensor.quantize(v, 64);
    byte[] p = t.packed();
    assertThat(p[0] & 0xFF).isEqualTo(0x3D);
    assertThat(p[1] & 0xFF).isEqualTo(0x04);
    float[] d = t.dequantize();
    assertThat(d[0]).isEqualTo(1f);
    assertThat(d[1]).isEqualTo(-0.5f);
    assertThat(d[3]).isEqualTo(0.3333f);
  }

  @Test
  void doubleQuantBitsAndError() {
    float[] v = FourBitSamples.gaussian(3, 128 * 256);
    Fp4Tensor t = Fp4Tensor.quantize(v, new long[] {128, 256}, 64, true);
    assertThat(t.bitsPerParameter()).isLessThanOrEqualTo(4.13);
    Fp4Tensor back = Fp4Tensor.of(t.shape(), 64, t.packed(), t.nested().orElseThrow());
    assertThat(back.dequantize()).containsExactly(t.dequantize());
    assertThat(FourBitSamples.relativeError(t.dequantize(), v)).isLessThan(0.2);
  }
}
