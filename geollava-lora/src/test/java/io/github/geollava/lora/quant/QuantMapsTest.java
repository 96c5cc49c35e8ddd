package io.github.geollava.lora.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuantMapsTest {

  @Test
  void dynamicMapIsBitsandbytesTable() {
    assertThat(QuantMaps.dynamicSigned()).containsExactly(Golden.floats("nf4dq_code2.bin"));
  }

  @Test
  void dynamicMapIsReDerivedByTheAlgorithmToTwoUlp() {
    float[] derived = createDynamicMap(true, 7, 8);
    float[] table = QuantMaps.dynamicSigned();
    assertThat(derived).hasSize(256);
    int differing = 0;
    for (int i = 0; i < 256; i++) {
      assertThat(Math.abs(derived[i] - table[i])).isLessThanOrEqualTo(2 * Math.ulp(table[i]));
      differing += derived[i] == table[i] ? 0 : 1;
    }
    assertThat(differing).isLessThanOrEqualTo(44);
    assertThat(table[0]).isEqualTo(-0.99296874f);
    assertThat(table[127]).isZero();
    assertThat(table[255]).isEqualTo(1f);
  }

  @Test
  void fourBitTables() {
    assertThat(QuantMaps.nf4()).hasSize(16).startsWith(-1f).endsWith(1f);
    assertThat(QuantMaps.fp4()).hasSize(16).contains(0.5f, -1f, 1f);
    assertThatThrownBy(() -> QuantMaps.fourBit(QuantFormat.INT8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Scalar port of bitsandbytes' create_dynamic_map, float32 arithmetic. */
  static float[] createDynamicMap(boolean signed, int maxExponentBits, int totalBits) {
    List<Float> data = new ArrayList<>();
    int nonSignBits = totalBits - 1;
    for (int i = 0; i < maxExponentBits; i++) {
      int items = signed
          ? (1 << (i + nonSignBits - maxExponentBits)) + 1
          : (1 << (i + nonSignBits - maxExponentBits + 1)) + 1;
      float scale = (float) Math.pow(10, i - (maxExponentBits - 1));
      float step = (1f - 0.1f) / (items - 1);
      float[] b = new float[items];
      for (int k = 0; k < items; k++) {
        b[k] = k < items / 2 ? 0.1f + step * k : 1f - step * (items - k - 1);
      }
      for (int k = 0; k + 1 < items; k++) {
        data.add(scale * ((b[k] + b[k + 1]) / 2f));
      }
      if (signed) {
        for (int k = 0; k + 1 < items; k++) {
          data.add(-scale * ((b[k] + b[k + 1]) / 2f));
        }
      }
    }
    data.add(0f);
    data.add(1f);
    while (data.size() < (1 << totalBits)) {
      data.add(0f);
    }
    float[] out = new float[data.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = data.get(i);
    }
    Arrays.sort(out);
    return out;
  }
}
