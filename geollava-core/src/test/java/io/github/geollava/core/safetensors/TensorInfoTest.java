package io.github.geollava.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorInfoTest {

  @Test
  void numelIsTheProductAndOneForScalars() {
    assertThat(new TensorInfo("w", SafetensorsDType.F32, new long[] {3, 4}, 0, 48).numel()).isEqualTo(12);
    assertThat(new TensorInfo("s", SafetensorsDType.F32, new long[0], 0, 4).numel()).isEqualTo(1);
    assertThat(new TensorInfo("e", SafetensorsDType.F32, new long[] {0, 7}, 0, 0).numel()).isZero();
  }

  @Test
  void shapeIsCopiedAndEqualityIsByValue() {
    long[] shape = {2, 2};
    TensorInfo a = new TensorInfo("w", SafetensorsDType.F32, shape, 0, 16);
    shape[0] = 99;
    a.shape()[1] = 99;
    assertThat(a.shape()).containsExactly(2, 2);
    TensorInfo b = new TensorInfo("w", SafetensorsDType.F32, new long[] {2, 2}, 0, 16);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("w", "F32", "[2, 2]");
  }

  @Test
  void invalidFieldsAreNamed() {
    assertThatThrownBy(() -> new TensorInfo("w", SafetensorsDType.F32, new long[] {-1}, 0, 0))
        .hasMessageContaining("'w'").hasMessageContaining("negative");
    assertThatThrownBy(() -> new TensorInfo("w", SafetensorsDType.F32, new long[] {1}, 8, 4))
        .hasMessageContaining("data offsets [8, 4]");
    assertThatThrownBy(
            () -> new TensorInfo("big", SafetensorsDType.F32, new long[] {1L << 40, 1L << 40}, 0, 0)
                .numel())
        .isInstanceOf(ArithmeticException.class);
  }
}
