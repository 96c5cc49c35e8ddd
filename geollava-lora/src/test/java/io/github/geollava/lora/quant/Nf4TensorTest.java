package io.github.geollava.lora.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class Nf4TensorTest {

  private static final long[] SHAPE = {256, 128};

  @Test
  void codeTableMatchesBitsandbytes() {
    assertThat(QuantMaps.nf4()).containsExactly(Golden.floats("nf4_code.bin"));
  }

  @Test
  void goldenPackedBytesAbsmaxAndDequant() {
    Nf4Tensor t = Nf4Tensor.quantize(Golden.floats("nf4_input.bin"), SHAPE, 64, false);
    assertThat(t.packed()).containsExactly(Golden.bytes("nf4_packed.bin"));
    assertClose(t.absmax(), Golden.floats("nf4_absmax.bin"), 1e-7);
    assertClose(t.dequantize(), Golden.floats("nf4_dequant.bin"), 1e-7);
    assertThat(t.bitsPerParameter()).isEqualTo(4.5).isLessThanOrEqualTo(4.5);
  }

  @Test
  void goldenDoubleQuantization() {
    float[] input = Golden.floats("nf4_input.bin");
    Nf4Tensor plain = Nf4Tensor.quantize(input, SHAPE, 64, false);
    float offset = Golden.floats("nf4dq_offset.bin")[0];
    BlockwiseInt8 nested = BlockwiseInt8.quantize(plain.absmax(), offset, 256);
    assertThat(nested.code()).containsExactly(Golden.floats("nf4dq_code2.bin"));
    assertThat(nested.codes()).containsExactly(Golden.bytes("nf4dq_qabsmax.bin"));
    assertClose(nested.absmax2(), Golden.floats("nf4dq_absmax2.bin"), 1e-7);
    assertClose(nested.dequantize(), Golden.floats("nf4dq_absmax_dequant.bin"), 1e-7);

    Nf4Tensor dq = Nf4Tensor.of(SHAPE, 64, plain.packed(), nested);
    assertThat(dq.packed()).containsExactly(Golden.bytes("nf4dq_packed.bin"));
    assertClose(dq.dequantize(), Golden.floats("nf4dq_dequant.bin"), 1e-7);
    assertThat(dq.bitsPerParameter()).isLessThanOrEqualTo(4.13);
  }

  @Test
  void ownMeanAgreesWithBitsandbytesOffsetToOneUlp() {
    Nf4Tensor dq = Nf4Tensor.quantize(Golden.floats("nf4_input.bin"), SHAPE, 64, true);
    float golden = Golden.floats("nf4dq_offset.bin")[0];
    assertThat(dq.nested()).isPresent();
    assertThat(dq.nested().get().offset()).isCloseTo(golden, within(Math.ulp(golden)));
    assertClose(dq.dequantize(), Golden.floats("nf4dq_dequant.bin"), 1e-5);
  }

  @Test
  void engineDequantisationEqualsJava() {
    Nf4Tensor t = Nf4Tensor.quantize(Golden.floats("nf4_input.bin"), SHAPE, 64, true);
    try (NDManager m = NDManager.newBaseManager();
        DeviceQuantizedWeight w = new DeviceQuantizedWeight(t, m)) {
      NDArray d = w.dequantizeOnEngine(m);
      assertThat(d.getShape().getShape()).containsExactly(SHAPE);
      assertThat(d.toFloatArray()).containsExactly(t.dequantize());
      assertThat(w.dequantize(m).toFloatArray()).containsExactly(t.dequantize());
    }
  }

  @Test
  void firstElementGoesInHighNibbleAndTiesGoLow() {
    // absmax 1: values are their own scaled values. Midpoint of codes 7 and 8 is 0.03979015.
    float mid = (QuantMaps.nf4()[7] + QuantMaps.nf4()[8]) / 2f;
    float[] v = new float[64];
    v[0] = 1f;
    v[1] = -1f;
    v[2] = mid;
    v[3] = Math.nextUp(mid);
    Nf4Tensor t = Nf4Tensor.quantize(v, 64);
    byte[] p = t.packed();
    assertThat(p[0] & 0xFF).isEqualTo(0xF0);
    assertThat(p[1] & 0xFF).isEqualTo(0x78);
  }

  @Test
  void raggedLastBlockAndOtherBlockSizes() {
    float[] v = FourBitSamples.gaussian(7, 3 * 100);
    Nf4Tensor t = Nf4Tensor.quantize(v, new long[] {3, 100}, 128, false);
    assertThat(t.absmax()).hasSize(3);
    float[] d = t.dequantize();
    assertThat(FourBitSamples.relativeError(d, v)).isLessThan(0.15);
    Nf4Tensor back = Nf4Tensor.of(t.shape(), 128, t.packed(), t.absmax());
    assertThat(back.dequantize()).containsExactly(d);
  }

  @Test
  void rejectsBadBlockSizeAndLengths() {
    assertThatThrownBy(() -> Nf4Tensor.quantize(new float[64], new long[] {64}, 48, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blockSize")
        .hasMessageContaining("48");
    assertThatThrownBy(() -> Nf4Tensor.of(new long[] {64}, 64, new byte[31], new float[1]))
        .hasMessageContaining("packed");
  }

  static void assertClose(float[] actual, float[] expected, double tol) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      if (Math.abs(actual[i] - expected[i]) > tol) {
        throw new AssertionError("index " + i + ": expected " + expected[i] + " but was " + actual[i]);
      }
    }
  }
}
