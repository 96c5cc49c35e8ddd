package io.github.geollava.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafetensorsDTypeTest {

  @Test
  void keysRoundTripAndSizesMatchTheFormat() {
    for (SafetensorsDType t : SafetensorsDType.values()) {
      assertThat(SafetensorsDType.fromKey(t.key())).isSameAs(t);
    }
    assertThat(SafetensorsDType.F64.byteSize()).isEqualTo(8);
    assertThat(SafetensorsDType.BF16.byteSize()).isEqualTo(2);
    assertThat(SafetensorsDType.BOOL.byteSize()).isEqualTo(1);
  }

  @Test
  void unknownOrLowerCaseKeysAreRejectedWithTheWhitelist() {
    assertThatThrownBy(() -> SafetensorsDType.fromKey("F8_E4M3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("F8_E4M3")
        .hasMessageContaining("BF16");
    assertThatThrownBy(() -> SafetensorsDType.fromKey("f32")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SafetensorsDType.fromKey(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void referenceOrderIsTheRustEnumOrder() {
    // BOOL < U8 < I8 < I16 < F16 < BF16 < I32 < F32 < F64 < I64 in safetensors 0.4.x
    SafetensorsDType[] ascending = {
      SafetensorsDType.BOOL, SafetensorsDType.U8, SafetensorsDType.I8, SafetensorsDType.I16,
      SafetensorsDType.F16, SafetensorsDType.BF16, SafetensorsDType.I32, SafetensorsDType.F32,
      SafetensorsDType.F64, SafetensorsDType.I64
    };
    for (int i = 1; i < ascending.length; i++) {
      assertThat(ascending[i].referenceOrder()).isGreaterThan(ascending[i - 1].referenceOrder());
    }
  }
}
