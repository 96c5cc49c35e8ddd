package io.github.geollava.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ElementConversionTest {

  @Test
  void halfToFloatCoversNormalsSubnormalsAndSpecials() {
    assertThat(ElementConversion.halfToFloat((short) 0x3c00)).isEqualTo(1f);
    assertThat(ElementConversion.halfToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(ElementConversion.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
    assertThat(ElementConversion.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    assertThat(ElementConversion.halfToFloat((short) 0x8000)).isEqualTo(-0f);
    assertThat(ElementConversion.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(ElementConversion.halfToFloat((short) 0x7e00)).isNaN();
  }

  @Test
  void everyHalfSurvivesARoundTripThroughFloat() {
    for (int h = 0; h < 0x10000; h++) {
      float f = ElementConversion.halfToFloat((short) h);
      if (Float.isNaN(f)) {
        assertThat(ElementConversion.halfToFloat(ElementConversion.floatToHalf(f))).isNaN();
      } else {
        assertThat(ElementConversion.floatToHalf(f) & 0xffff).as("half 0x%04x", h).isEqualTo(h);
      }
    }
  }

  @Test
  void floatToHalfRoundsToNearestEven() {
    // 1 + 2^-11 is halfway between 1 and the next half (1 + 2^-10): ties go to the even mantissa (1)
    assertThat(ElementConversion.floatToHalf(1f + 0x1p-11f)).isEqualTo((short) 0x3c00);
    assertThat(ElementConversion.floatToHalf(1f + 0x1p-11f + 0x1p-20f)).isEqualTo((short) 0x3c01);
    assertThat(ElementConversion.floatToHalf(1e6f)).isEqualTo((short) 0x7c00);
  }

  @Test
  void bf16IsTheUpperHalfWithRounding() {
    assertThat(ElementConversion.floatToBf16(1f)).isEqualTo((short) 0x3f80);
    assertThat(ElementConversion.floatToBf16(-2.5f)).isEqualTo((short) 0xc020);
    // 1 + 2^-8 is halfway: ties to even keeps 1.0; slightly above rounds up
    assertThat(ElementConversion.floatToBf16(1f + 0x1p-8f)).isEqualTo((short) 0x3f80);
    assertThat(ElementConversion.floatToBf16(1f + 0x1p-8f + 0x1p-20f)).isEqualTo((short) 0x3f81);
  }

  @Test
  void integersAndBooleansDecodeToFloats() {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(-5).putInt(7).putShort((short) -3).put((byte) -1).put((byte) 2);
    b.flip();
    assertThat(ElementConversion.toFloats(b.slice(0, 8), SafetensorsDType.I64, 1)).containsExactly(-5f);
    assertThat(ElementConversion.toFloats(b.slice(8, 4), SafetensorsDType.I32, 1)).containsExactly(7f);
    assertThat(ElementConversion.toFloats(b.slice(12, 2), SafetensorsDType.I16, 1)).containsExactly(-3f);
    assertThat(ElementConversion.toFloats(b.slice(14, 2), SafetensorsDType.I8, 2)).containsExactly(-1f, 2f);
    assertThat(ElementConversion.toFloats(b.slice(14, 2), SafetensorsDType.U8, 2)).containsExactly(255f, 2f);
    assertThat(ElementConversion.toFloats(b.slice(14, 2), SafetensorsDType.BOOL, 2)).containsExactly(1f, 1f);
  }
}
